package dev.klingbot.app.cli;

import dev.klingbot.config.ConfigLoader;
import dev.klingbot.config.ConfigPrinter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code klingbot config}: prints the effective configuration with secrets masked. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Print the effective configuration (file + environment), secrets masked.")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = configOptions.load();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "# file: " + loaded.file().map(Object::toString).orElse("none (built-in defaults)"));
    for (Map.Entry<String, String> entry : loaded.fromEnvironment().entrySet()) {
      out.println("# " + entry.getKey() + " from $" + entry.getValue());
    }
    out.print(new ConfigPrinter().toYaml(loaded.config()));
    out.flush();
    return 0;
  }
}
