package app.mentorbot.bot.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.webchat.WebChatAccess;
import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.demo.Modes;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/** The built-in web chat: the adapter, who may open it, and its socket in Tomcat. */
@Configuration(proxyBeanMethods = false)
class WebChatConfig {

    @Bean
    WebChatAdapter webChatAdapter(Clock clock, Modes modes, WebDevices devices) {
        return new WebChatAdapter(clock, access(modes, devices));
    }

    /**
     * Demo mode: anyone may pick a person with {@code as}. Otherwise only a browser that opened an
     * invitation link (its device cookie) gets in.
     */
    static WebChatAccess access(Modes modes, WebDevices devices) {
        return handshake -> {
            if (modes.demo()) {
                Optional<String> picked = first(handshake.parameters(), "as").filter(id -> id.length() <= 64);
                if (picked.isPresent()) return picked;
            }
            return Optional.ofNullable(handshake.cookies().get(WebDevices.COOKIE)).flatMap(devices::owner);
        };
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Bean
    ServletContextInitializer webChatSocket(WebChatAdapter adapter) {
        return servletContext -> servletContext.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                ServerContainer container = (ServerContainer) event.getServletContext()
                        .getAttribute(ServerContainer.class.getName());
                if (container == null) throw new IllegalStateException("no WebSocket container in this servlet context");
                try {
                    container.addEndpoint(adapter.endpointConfig());
                } catch (DeploymentException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
