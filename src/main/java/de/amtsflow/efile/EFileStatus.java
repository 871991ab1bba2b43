package de.amtsflow.efile;

/** An open e-file accepts documents; a closed one is kept until its retention date. */
public enum EFileStatus {
  OPEN,
  CLOSED
}
