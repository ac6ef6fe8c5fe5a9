package dev.sopkit.render;

import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds on what one template run may cost. A user template is code: {@code <#list 1.. as i>}
 * never ends, and with output it fills the heap. FreeMarker has no limits of its own, so a run gets
 * a deadline (the template is interrupted at its next loop step or directive) and its output a
 * maximum size.
 */
final class TemplateLimits {
  /**
   * A whole handbook renders in well under a second; 30 seconds is a loop without end. The system
   * property {@code sop.template.seconds} changes it (tests use it to wait less).
   */
  static long maxSeconds() {
    return Long.getLong("sop.template.seconds", 30);
  }
  /** Characters one template may write; a handbook page or a config is far smaller. */
  static final int MAX_OUTPUT_CHARS = 32 << 20;

  private TemplateLimits() {}

  /** The template ran past {@link #maxSeconds()}. */
  static final class TimeLimitException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** The template wrote more than {@link #MAX_OUTPUT_CHARS}. */
  static final class OutputLimitException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A configuration whose templates, included and imported ones too, check for thread
   * interruption in loops and between directives. That check is FreeMarker's own, made for its
   * online template tester ({@code _CoreAPI} is public but marked internal).
   */
  static final class InterruptibleConfiguration extends Configuration {
    private final Set<Template> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    InterruptibleConfiguration() {
      super(Configuration.VERSION_2_3_34);
    }

    @Override
    public Template getTemplate(
        String name,
        Locale locale,
        Object customLookupCondition,
        String encoding,
        boolean parseAsFTL,
        boolean ignoreMissing)
        throws TemplateNotFoundException, MalformedTemplateNameException, ParseException,
            IOException {
      Template t =
          super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
      if (t != null && parseAsFTL) {
        synchronized (checked) {
          if (checked.add(t)) { // templates are cached: add the checks once
            _CoreAPI.addThreadInterruptedChecks(t);
          }
        }
      }
      return t;
    }
  }

  /** Runs the template on a thread of its own and stops it at the deadline. */
  static void process(Template template, Object data, Writer out)
      throws TemplateException, IOException, TimeLimitException {
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              template.process(data, out);
              return null;
            });
    // the same stack depth as the main thread, so deep but finite templates still render
    Thread worker = new Thread(null, task, "sop-template", 16L << 20);
    worker.setDaemon(true);
    worker.start();
    try {
      task.get(maxSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      throw new TimeLimitException();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new TimeLimitException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TemplateException te) {
        throw te;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** A StringWriter that refuses to grow past {@link #MAX_OUTPUT_CHARS}. */
  static final class BoundedWriter extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      check(len);
      text.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      check(len);
      text.append(s, off, off + len);
    }

    private void check(int more) throws OutputLimitException {
      if (text.length() + (long) more > MAX_OUTPUT_CHARS) {
        throw new OutputLimitException();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
