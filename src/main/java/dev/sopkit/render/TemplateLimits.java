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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Threads with the same stack depth as the main thread, so deep but finite templates still
   * render. Kept for reuse: a handbook runs a template per page, and starting a thread costs more
   * than rendering a small page.
   */
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          task -> {
            Thread t = new Thread(null, task, "sop-template", 16L << 20);
            t.setDaemon(true); // a template that ignores interruption must not keep the JVM alive
            return t;
          });

  /** Runs the template on a thread of its own and stops it at the deadline. */
  static void process(Template template, Object data, Writer out)
      throws TemplateException, IOException, TimeLimitException {
    Future<Void> task =
        THREADS.submit(
            () -> {
              template.process(data, out);
              return null;
            });
    try {
      task.get(maxSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new TimeLimitException();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimeLimitException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TemplateException te) {
        throw te;
      }
      Tasks.rethrowCause(e, IOException.class);
    }
  }

  /** The writer a template could not write to (a full disk, say): not the template's fault. */
  static final class WriteException extends IOException {
    private static final long serialVersionUID = 1L;

    WriteException(IOException cause) {
      super(cause);
    }
  }

  /**
   * Passes text on until {@link #MAX_OUTPUT_CHARS} have been written, then refuses. Failures of the
   * writer underneath come out as {@link WriteException}, to tell them from a template's own.
   */
  static final class BoundedWriter extends Writer {
    private final Writer out;
    private long written;

    BoundedWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      check(len);
      try {
        out.write(buf, off, len);
      } catch (IOException e) {
        throw new WriteException(e);
      }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      check(len);
      try {
        out.write(s, off, len);
      } catch (IOException e) {
        throw new WriteException(e);
      }
    }

    private void check(int more) throws OutputLimitException {
      written += more;
      if (written > MAX_OUTPUT_CHARS) {
        throw new OutputLimitException();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
