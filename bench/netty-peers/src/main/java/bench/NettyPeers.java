package bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.Random;
import java.util.function.Consumer;

/**
 * jasyncio's Netty peers (see ../pom.xml). Usage: {@code NettyPeers ws-echo PORT} or
 * {@code NettyPeers blob PORT BYTES}. Both bind 127.0.0.1 only, run one {@code NioEventLoopGroup(1)}
 * that accepts and serves, set TCP_NODELAY on accepted sockets and run until killed.
 *
 * <ul>
 *   <li>{@code ws-echo}: {@code GET /echo} upgrades to a WebSocket (no extensions, so no
 *       compression); every text and binary message is sent back unchanged. Fragmented messages
 *       are joined by {@link WebSocketFrameAggregator} first (up to {@link #MAX_WS_MESSAGE} bytes).
 *       Written in {@code channelRead}, flushed once per read batch.</li>
 *   <li>{@code blob}: every GET gets 200 with the same {@code BYTES} pseudo-random bytes
 *       (fixed seed, {@code application/octet-stream}, Content-Length, keep-alive), served from
 *       one direct buffer in memory without copying.</li>
 * </ul>
 */
public final class NettyPeers {
    static final String HOST = "127.0.0.1";
    /** The largest WebSocket message (and frame) the echo server accepts: 1 MiB. */
    static final int MAX_WS_MESSAGE = 1 << 20;

    private NettyPeers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("ws-echo") || args[0].equals("blob") && args.length > 2)) {
            System.err.println("usage: NettyPeers ws-echo PORT | NettyPeers blob PORT BYTES");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        if (args[0].equals("ws-echo")) {
            serve("ws-echo", port, NettyPeers::wsEchoPipeline);
        } else {
            ByteBuf body = blob(Integer.parseInt(args[2]));
            serve("blob " + body.readableBytes() + " B", port, p -> p.addLast(new HttpServerCodec(), new BlobHandler(body)));
        }
    }

    static void serve(String what, int port, Consumer<ChannelPipeline> pipeline) throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(1);
        ServerBootstrap b = new ServerBootstrap()
                .group(group) // one group: the same loop accepts and serves
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline.accept(ch.pipeline());
                    }
                });
        Channel ch = b.bind(HOST, port).sync().channel();
        System.out.println("netty nio " + what + " listening on " + HOST + ":" + port + " loops=1 netty="
                + io.netty.util.Version.identify().get("netty-common").artifactVersion());
        ch.closeFuture().sync();
    }

    // ---------------------------------------------------------------- WebSocket echo

    static void wsEchoPipeline(ChannelPipeline p) {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/echo")
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(MAX_WS_MESSAGE)
                        .allowExtensions(false)
                        .build())
                .build();
        p.addLast(new HttpServerCodec(),
                new HttpObjectAggregator(8192), // the upgrade request has no body
                new WebSocketServerProtocolHandler(config), // handshake, ping/pong, close
                new WebSocketFrameAggregator(MAX_WS_MESSAGE),
                new WsEchoHandler());
    }

    /** Writes every whole text or binary message back as it came (the frame object is reused). */
    @ChannelHandler.Sharable
    static final class WsEchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
                ctx.write(msg); // the encoder releases it
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    // ---------------------------------------------------------------- blob

    static ByteBuf blob(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(size).writeBytes(bytes));
    }

    /** Answers every request with the blob; writes in channelRead, flushes once per read batch. */
    static final class BlobHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final ByteBuf body;

        BlobHandler(ByteBuf body) {
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest req)) {
                return; // the LastHttpContent of a GET
            }
            FullHttpResponse res = new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.OK,
                    body.duplicate());
            res.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (HttpUtil.isKeepAlive(req)) {
                if (!req.protocolVersion().isKeepAliveDefault()) {
                    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.write(res);
            } else {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.write(res).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
