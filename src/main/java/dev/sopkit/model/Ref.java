package dev.sopkit.model;

/** A name written in a file (a department, role, artifact…) together with where it was written. */
public record Ref(String value, SourcePos pos) {}
