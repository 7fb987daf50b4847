"""Test peer for the jasyncio HTTP client: an aiohttp.web server on 127.0.0.1:<port>."""
import hashlib
import random
import sys

from aiohttp import web


async def hello(request):
    return web.Response(text="Hello, World!")


async def redirect(request):
    n = int(request.match_info["n"])
    if n == 0:
        return web.Response(text="done")
    raise web.HTTPFound(f"/redirect/{n - 1}")


async def set_cookie(request):
    resp = web.Response(text="set")
    resp.set_cookie("flavour", "oatmeal", path="/")
    return resp


async def cookies(request):
    return web.Response(text=request.headers.get("Cookie", ""))


async def gzip(request):
    resp = web.Response(text="gzip me " * 1000)
    resp.enable_compression(web.ContentCoding.gzip)
    return resp


async def chunked(request):
    resp = web.StreamResponse()
    resp.enable_chunked_encoding()
    await resp.prepare(request)
    for i in range(100):
        await resp.write(f"chunk {i}\n".encode())
    await resp.write_eof()
    return resp


async def file(request):
    i = int(request.match_info["i"])
    size = int(request.query.get("size", "65536"))
    data = random.Random(i).randbytes(size)
    return web.Response(body=data, headers={"X-SHA256": hashlib.sha256(data).hexdigest()})


async def echo(request):
    body = await request.read()
    return web.Response(body=body, content_type=request.content_type or "application/octet-stream",
                        headers={"X-Method": request.method})


async def form(request):
    data = await request.post()
    out = []
    for name, value in data.items():
        if isinstance(value, web.FileField):
            out.append(f"{name}=file:{value.filename}:{len(value.file.read())}")
        else:
            out.append(f"{name}={value}")
    return web.Response(text="&".join(out))


app = web.Application()
app.router.add_get("/hello", hello)
app.router.add_get("/redirect/{n}", redirect)
app.router.add_get("/setcookie", set_cookie)
app.router.add_get("/cookies", cookies)
app.router.add_get("/gzip", gzip)
app.router.add_get("/chunked", chunked)
app.router.add_get("/file/{i}", file)
app.router.add_route("*", "/echo", echo)
app.router.add_post("/form", form)
print("ready", flush=True)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
