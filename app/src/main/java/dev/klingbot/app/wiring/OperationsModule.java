package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.klingbot.core.metrics.WorkflowMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What operators see: the Prometheus registry (with JVM meters) that the workflow counts into, and
 * the {@link Operations} that put the pool's meters, the database gauges and the {@code /readyz}
 * and {@code /metrics} routes in place. Binds only; nothing starts here.
 */
public final class OperationsModule extends AbstractModule {

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheus(Lifecycle lifecycle) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "klingbot");
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    lifecycle.manage(registry::close);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    lifecycle.manage(gc);
    return registry;
  }

  @Provides
  @Singleton
  MeterRegistry registry(PrometheusMeterRegistry prometheus) {
    return prometheus;
  }

  @Provides
  @Singleton
  WorkflowMetrics workflowMetrics(MeterRegistry registry) {
    return new WorkflowMetrics(registry);
  }
}
