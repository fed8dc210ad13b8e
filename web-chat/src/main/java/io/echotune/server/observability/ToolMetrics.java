package io.echotune.server.observability;

import io.echotune.music.tools.MusicTools;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Modifier;
import java.util.Collection;

/**
 * Measures the music tools where every planner (rules, language model, MCP) calls them: {@code echotune.tool.call}
 * {tool, outcome} is the latency histogram per tool, and the business counters follow from the same calls —
 * {@code echotune.recommendations.shown} counts recommended tracks, {@code echotune.recommendations.feedback}
 * {verdict=like|dislike} the verdicts on them, so like and dislike rates are feedback / shown.
 *
 * <p>Done as a proxy around the one {@link MusicTools} bean rather than code in each tool, so the tools stay free
 * of metrics and no call path can forget them.
 */
@Configuration(proxyBeanMethods = false)
public class ToolMetrics {

    @Bean
    static BeanPostProcessor musicToolMetrics(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof MusicTools)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    if (!Modifier.isPublic(call.getMethod().getModifiers()) || call.getMethod().getDeclaringClass() == Object.class) {
                        return call.proceed();
                    }
                    MeterRegistry registry = meters.getObject();
                    String tool = call.getMethod().getName();
                    Timer.Sample sample = Timer.start(registry);
                    String outcome = "error";
                    try {
                        Object result = call.proceed();
                        outcome = "ok";
                        business(registry, tool, call.getArguments(), result);
                        return result;
                    } finally {
                        sample.stop(registry.timer("echotune.tool.call", "tool", tool, "outcome", outcome));
                    }
                });
                return proxy.getProxy(MusicTools.class.getClassLoader());
            }
        };
    }

    private static void business(MeterRegistry registry, String tool, Object[] arguments, Object result) {
        if (tool.equals("recommend") && result instanceof Collection<?> shown) {
            registry.counter("echotune.recommendations.shown").increment(shown.size());
        } else if (tool.equals("feedback") && arguments.length == 3 && arguments[2] instanceof Boolean liked) {
            registry.counter("echotune.recommendations.feedback", "verdict", liked ? "like" : "dislike").increment();
        }
    }
}
