import dev.klingbot.app.cli.ParseCommand;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import picocli.CommandLine;

/** Runs `parse --json --images N "<instruction>"` for every row of a round file, in one JVM. */
public class Runner {
  public static void main(String[] args) throws Exception {
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      StringWriter buffer = new StringWriter();
      CommandLine cli = new CommandLine(new ParseCommand());
      cli.setOut(new PrintWriter(buffer));
      cli.setErr(new PrintWriter(buffer));
      cli.execute("--json", "--images", c[1].strip(), "--", c[0]);
      stdout.println(buffer.toString().strip().replace("\n", " "));
    }
  }
}
