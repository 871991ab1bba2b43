package de.amtsflow.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/** Test invoices from src/test/resources/invoice and PDFs built around them. */
final class Fixtures {

  private Fixtures() {}

  static byte[] read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/invoice/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF, with the given attachment when {@code attachmentName} is not null. */
  static byte[] pdf(String attachmentName, byte[] attachment) {
    try (PDDocument pdf = new PDDocument()) {
      pdf.addPage(new PDPage());
      if (attachmentName != null) {
        PDEmbeddedFile file = new PDEmbeddedFile(pdf, new java.io.ByteArrayInputStream(attachment));
        file.setSubtype("text/xml");
        file.setSize(attachment.length);
        file.setCreationDate(Calendar.getInstance());
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(attachmentName);
        spec.setFileUnicode(attachmentName);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(attachmentName, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        pdf.getDocumentCatalog().setNames(names);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
