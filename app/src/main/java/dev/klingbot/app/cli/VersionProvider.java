package dev.klingbot.app.cli;

import picocli.CommandLine;

/** Version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = KlingbotCommand.class.getPackage().getImplementationVersion();
    return new String[] {"klingbot " + (version == null ? "development build" : version)};
  }
}
