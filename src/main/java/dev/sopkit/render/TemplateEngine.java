package dev.sopkit.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * FreeMarker, configured once for every render command. Templates come from the user's
 * {@code --templates} folder first, then from the defaults in the jar ({@code templates/} in the
 * source tree), so a company overrides any single template by giving one of the same name.
 *
 * <p>A user template is code we run, so it is sandboxed: no {@code ?new}, no {@code ?api}, a data
 * model of plain maps and lists (see {@link ViewModel}), no file outside the template folders. Its
 * mistakes come back as a {@link RenderException} with template, line and column.
 */
public final class TemplateEngine {
  static final String BUILT_IN = "/dev/sopkit/templates";

  private final Configuration cfg;
  private final Path userDir;
  private final String userDirDisplay;

  /**
   * @param userDir the {@code --templates} folder, or null for the built-in templates only
   * @param userDirDisplay how to name that folder in messages (as the user typed it)
   */
  public TemplateEngine(Path userDir, String userDirDisplay) {
    this.userDir = userDir;
    this.userDirDisplay = userDirDisplay;
    this.cfg = new TemplateLimits.InterruptibleConfiguration();
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    // Only maps, lists and scalars are wrapped; anything else is refused rather than exposed.
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    cfg.setRecognizeStandardFileExtensions(true); // .ftlh is HTML with auto-escaping
    TemplateConfiguration html = new TemplateConfiguration();
    html.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setTemplateConfigurations(
        new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlh"), html));
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // one run, no reloading
    cfg.setTemplateLoader(loader(userDir, userDirDisplay));
  }

  private static TemplateLoader loader(Path userDir, String display) {
    List<TemplateLoader> loaders = new ArrayList<>();
    if (userDir != null) {
      if (!Files.isDirectory(userDir)) {
        throw new RenderException("--templates '" + display + "' is not a folder");
      }
      try {
        // FileTemplateLoader compares canonical paths, so neither ../ nor a symlink leaves the folder.
        loaders.add(new FileTemplateLoader(userDir.toFile(), false));
      } catch (IOException e) {
        throw new RenderException("cannot read --templates '" + display + "': " + e.getMessage());
      }
    }
    loaders.add(new ClassTemplateLoader(TemplateEngine.class, BUILT_IN));
    return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
  }

  /** Renders a template with a data model of view records, maps, lists and scalars. */
  public String render(String name, Object model) {
    StringWriter out = new StringWriter();
    try {
      render(name, model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /**
   * Renders a template into {@code out} as it runs, so a large page never sits in memory whole.
   *
   * @throws IOException when {@code out} fails; the template's own problems are a {@link
   *     RenderException}
   */
  public void render(String name, Object model, Writer out) throws IOException {
    Object data = ViewModel.convert(model);
    try {
      Template template = cfg.getTemplate(name);
      TemplateLimits.process(template, data, new TemplateLimits.BoundedWriter(out));
    } catch (TemplateLimits.WriteException e) {
      throw (IOException) e.getCause();
    } catch (TemplateLimits.TimeLimitException e) {
      throw new RenderException(
          display(name)
              + ": template ran longer than "
              + TemplateLimits.maxSeconds()
              + " seconds (a loop without end?)",
          e);
    } catch (TemplateLimits.OutputLimitException e) {
      throw new RenderException(
          display(name)
              + ": template wrote more than "
              + (TemplateLimits.MAX_OUTPUT_CHARS >> 20)
              + " million characters (a loop without end?)",
          e);
    } catch (TemplateNotFoundException e) {
      throw new RenderException("template '" + e.getTemplateName() + "' not found" + where());
    } catch (ParseException e) {
      throw new RenderException(
          located(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
              + "syntax error: "
              + oneLine(e.getEditorMessage()),
          e);
    } catch (TemplateException e) {
      throw new RenderException(
          located(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber())
              + oneLine(e.getMessageWithoutStackTop()),
          e);
    } catch (SecurityException e) {
      throw new RenderException(
          "template '" + name + "' refers to a file outside the template folder: " + oneLine(e.getMessage()),
          e);
    } catch (StackOverflowError e) {
      // A macro or function that calls itself without end; report it instead of dying.
      throw new RenderException(
          display(name)
              + ": template recursion too deep (a macro, function or #include calls itself without end)",
          e);
    } catch (IOException e) {
      throw new RenderException("cannot read template '" + name + "': " + e.getMessage(), e);
    }
  }

  /** A template file's text as it is, for assets (CSS, JS) that users override like templates. */
  public String raw(String name) {
    try {
      return cfg.getTemplate(name, null, null, false).toString();
    } catch (TemplateNotFoundException e) {
      throw new RenderException("template '" + e.getTemplateName() + "' not found" + where());
    } catch (SecurityException e) {
      throw new RenderException("'" + name + "' is outside the template folder", e);
    } catch (IOException e) {
      throw new RenderException("cannot read template '" + name + "': " + e.getMessage(), e);
    }
  }

  private String where() {
    return userDir == null ? "" : " in '" + userDirDisplay + "' nor in the built-in templates";
  }

  private String located(String template, int line, int column) {
    StringBuilder s = new StringBuilder(display(template));
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").toString();
  }

  /** The template as the user finds it: in their folder, or a built-in one. */
  private String display(String template) {
    if (template == null) {
      return "template";
    }
    if (userDir != null && Files.isRegularFile(userDir.resolve(template))) {
      String base = userDirDisplay.endsWith("/") ? userDirDisplay : userDirDisplay + "/";
      return base + template;
    }
    return "built-in template " + template;
  }

  /**
   * FreeMarker's messages span several lines with tips and a template stack; the first paragraph
   * says what went wrong, which is what a one-line message needs.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    String text = message.replace("\r", "");
    int tip = text.indexOf("\n----");
    if (tip >= 0) {
      text = text.substring(0, tip);
    }
    text = text.replaceAll("\\s*\\[in template [^\\]]*\\]", "");
    // These name the loaders with absolute paths, or give advice meant for Java developers.
    text = text.replaceAll("(?s)\\s*The name was interpreted by this TemplateLoader:.*", "");
    text = text.replaceAll("\\s*Think twice before you set it to true though[^.]*\\.", "");
    text = text.replaceAll("\\s*Especially, it shouldn't abused[^.]*\\.", "");
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? "unknown problem" : text;
  }
}
