"""Test peer for jasyncio's WebSocket client: aiohttp.web WebSocket endpoints on 127.0.0.1.

Binds port 0 and prints "PORT <n>" on stdout once it is listening.
"""
import asyncio
import socket
import sys

from aiohttp import WSMsgType, web

last_close = {}


async def echo(request):
    ws = web.WebSocketResponse(protocols=("chat.v1",))
    await ws.prepare(request)
    async for msg in ws:
        if msg.type == WSMsgType.TEXT:
            if msg.data.startswith("close "):
                await ws.close(code=int(msg.data[6:]), message=b"bye")
                break
            if msg.data == "protocol":
                await ws.send_str(str(ws.ws_protocol))
            elif msg.data == "compress":
                await ws.send_str(str(ws.compress))
            else:
                await ws.send_str(msg.data)
        elif msg.type == WSMsgType.BINARY:
            await ws.send_bytes(msg.data)
    last_close[request.query.get("id", "")] = ws.close_code
    return ws


async def pingpong(request):
    ws = web.WebSocketResponse(autoping=False)
    await ws.prepare(request)
    await ws.ping(b"srv")
    async for msg in ws:
        if msg.type == WSMsgType.PONG:
            await ws.send_str("got pong " + msg.data.decode())
        elif msg.type == WSMsgType.PING:
            await ws.pong(msg.data)
            await ws.send_str("got ping " + msg.data.decode())
    return ws


async def silent(request):
    ws = web.WebSocketResponse(autoping=False)
    await ws.prepare(request)
    await asyncio.sleep(3600)
    return ws


async def closed(request):
    return web.Response(text=str(last_close.get(request.query.get("id", ""))))


async def main():
    app = web.Application()
    app.router.add_get("/echo", echo)
    app.router.add_get("/pingpong", pingpong)
    app.router.add_get("/silent", silent)
    app.router.add_get("/closed", closed)
    runner = web.AppRunner(app)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    site = web.SockSite(runner, sock)
    await site.start()
    print("PORT", sock.getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
