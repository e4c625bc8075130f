package io.gatekey.adapter.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A connection the server will close after its answer says so. Once a request on a connection did not decode (a
 * malformed request line, header or chunk), the server cannot find where the next request starts and closes the
 * connection after answering; this handler, right after the HTTP codec, puts {@code Connection: close} on that
 * answer, so a client's pool drops the connection instead of sending its next request into a closed one.
 * <p>
 * And it closes gently: a connection closed while the client is still sending (the rest of a body refused with 413)
 * would be reset, and a reset can throw away the answer before the client reads it. So the server first ends its
 * own side (the client reads the answer, then the end), reads and drops whatever still comes, and closes when the
 * client does, or after {@link #LINGER} at the latest.
 */
@Singleton
final class ConnectionCloseNotice implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "gatekey-connection-close-notice";
    static final Duration LINGER = Duration.ofSeconds(2);

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    private record PerConnection(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(connection) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            if (pipeline != null && pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Notice());
            }
        }
    }

    private static final class Notice extends ChannelDuplexHandler {
        private boolean undecodable;
        private boolean lingering;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
            if (lingering) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
                undecodable = true;
            }
            super.channelRead(ctx, message);
        }

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
            // Under TLS the end of the server's side is TLS's own close_notify, written when the connection closes.
            if (lingering || !(ctx.channel() instanceof SocketChannel socket) || !socket.isActive() || socket.isOutputShutdown()
                    || ctx.pipeline().get(SslHandler.class) != null) {
                super.close(ctx, promise);
                return;
            }
            lingering = true;
            socket.shutdownOutput().addListener(ended -> {
                if (!ended.isSuccess()) {
                    ctx.close(promise);
                    return;
                }
                socket.config().setAutoRead(true);
                socket.read();
                ctx.executor().schedule(() -> ctx.close(promise), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            });
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
            if (undecodable && message instanceof HttpResponse response) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            super.write(ctx, message, promise);
        }
    }
}
