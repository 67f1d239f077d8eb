package dev.klingbot.app;

import dev.klingbot.app.cli.KlingbotCommand;

/** Entry point of {@code klingbot.jar}: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KlingbotCommand.run(args));
  }
}
