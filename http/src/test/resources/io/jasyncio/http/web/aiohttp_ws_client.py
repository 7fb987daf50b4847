"""Test peer for jasyncio's WebSocketResponse: aiohttp's WebSocket client runs one scenario.

Usage: aiohttp_ws_client.py <base http url> <scenario>. Prints one line, "ok <detail>" or
"FAIL <detail>", and exits 0 either way (the Java test reads the line).
"""
import asyncio
import sys

import aiohttp
from aiohttp import WSMsgType


async def echo(session, base):
    async with session.ws_connect(base + "/echo") as ws:
        await ws.send_str("héllo")
        a = await ws.receive_str()
        blob = bytes(range(256)) * 1000
        await ws.send_bytes(blob)
        b = await ws.receive_bytes()
        return a == "héllo" and b == blob, f"{a!r} {len(b)}"


async def compress(session, base):
    async with session.ws_connect(base + "/echo", compress=15) as ws:
        text = "many repeated words " * 5000
        await ws.send_str(text)
        back = await ws.receive_str()
        return ws.compress == 15 and back == text, f"compress={ws.compress} same={back == text}"


async def protocol(session, base):
    async with session.ws_connect(base + "/echo", protocols=("chat.v2", "chat.v1")) as ws:
        return ws.protocol == "chat.v1", f"protocol={ws.protocol}"


async def ping(session, base):
    async with session.ws_connect(base + "/echo", autoping=False) as ws:
        await ws.ping(b"abc")
        msg = await ws.receive()
        return msg.type == WSMsgType.PONG and msg.data == b"abc", f"{msg.type} {msg.data!r}"


async def server_close(session, base):
    async with session.ws_connect(base + "/echo") as ws:
        await ws.send_str("close 4002")
        msg = await ws.receive()
        return msg.type == WSMsgType.CLOSE and msg.data == 4002 and ws.close_code == 4002, \
            f"{msg.type} {msg.data} close_code={ws.close_code}"


async def client_close(session, base):
    ws = await session.ws_connect(base + "/echo?id=py")
    await ws.close(code=4001, message=b"bye")
    async with session.get(base + "/closed?id=py") as r:
        seen = await r.text()
    return seen == "4001" and ws.close_code == 4001, f"server saw {seen}, close_code={ws.close_code}"


async def main():
    base, name = sys.argv[1], sys.argv[2]
    async with aiohttp.ClientSession() as session:
        try:
            ok, detail = await asyncio.wait_for(globals()[name](session, base), 20)
        except Exception as e:
            ok, detail = False, repr(e)
    print(("ok " if ok else "FAIL ") + detail, flush=True)


asyncio.run(main())
