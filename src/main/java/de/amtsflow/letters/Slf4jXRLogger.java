package de.amtsflow.letters;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log into the application's log (SLF4J), instead of its own console handler that
 * wrote several lines a letter ("Using fast-mode renderer. Prepare to fly.") past the log format
 * and levels operators set. Its INFO is our DEBUG: what a letter's rendering went through is rarely
 * an operator's concern; its warnings and errors stay what they are. Loggers are named {@code
 * com.openhtmltopdf.<area>} as openhtmltopdf names them.
 */
final class Slf4jXRLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else if (value >= Level.INFO.intValue()) {
      logger.debug(msg, th);
    } else {
      logger.trace(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are the application's logging configuration, not openhtmltopdf's
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    int value = diagnostic.getLevel().intValue();
    Logger logger = LoggerFactory.getLogger("com.openhtmltopdf");
    if (value >= Level.SEVERE.intValue()) {
      return logger.isErrorEnabled();
    }
    if (value >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    }
    return value >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}
