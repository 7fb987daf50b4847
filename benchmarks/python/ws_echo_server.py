"""The aiohttp row of benchmarks/compare-ws.sh: GET /echo upgrades and echoes every message.

Usage: ws_echo_server.py PORT. aiohttp.web on 127.0.0.1, no access log, until SIGTERM.
"""
import sys

from aiohttp import WSMsgType, web


async def echo(request):
    ws = web.WebSocketResponse(max_msg_size=0)
    await ws.prepare(request)
    async for msg in ws:
        if msg.type == WSMsgType.BINARY:
            await ws.send_bytes(msg.data)
        elif msg.type == WSMsgType.TEXT:
            await ws.send_str(msg.data)
    return ws


app = web.Application()
app.router.add_get("/echo", echo)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
