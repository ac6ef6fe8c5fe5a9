package dev.sopkit.git;

/** Git could not answer: not a repository, an unknown revision, git missing. The message says which. */
public final class GitException extends Exception {
  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message);
  }
}
