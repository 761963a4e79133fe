package org.tamga.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A REFI-QDA project ({@code project.qde} inside a {@code .qdpx} archive) as plain data: what
 * Tamga reads from other tools and writes for them. GUIDs are normalised (lower case, no braces,
 * see {@link Guids}); references to other elements ({@code creatingUser}, {@code CodeRef},
 * {@code NoteRef}) are normalised the same way, so they compare with {@code equals}. Positions are
 * kept as the file states them (the tool's units); core decides how to read them.
 *
 * @param name         the project's name in the file
 * @param origin       the tool that wrote the file ({@code origin} attribute), or null
 * @param description  the project's description, or null
 * @param codes        the codebook, read by the same code as a {@code .qdc} file
 * @param codeNotes    code GUID → GUIDs of the notes on that code
 * @param projectNotes GUIDs of the notes on the project as a whole
 * @param sets         number of sets (Tamga has none; counted to report them)
 * @param graphs       number of graphs (likewise)
 * @param warnings     what had to be repaired to read the file, in plain words
 */
public record QdpxProject(String name, String origin, String description, Instant created,
                          List<User> users, List<CodeNode> codes, Map<String, List<String>> codeNotes,
                          List<Variable> variables, List<Case> cases, List<Source> sources, List<Note> notes,
                          List<Link> links, List<String> projectNotes, int sets, int graphs, List<String> warnings) {

    public QdpxProject {
        users = List.copyOf(users);
        codes = List.copyOf(codes);
        codeNotes = Map.copyOf(codeNotes);
        variables = List.copyOf(variables);
        cases = List.copyOf(cases);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        links = List.copyOf(links);
        projectNotes = List.copyOf(projectNotes);
        warnings = List.copyOf(warnings);
    }

    /** A person who worked on the project: a Tamga coder. */
    public record User(String guid, String name) {}

    /** The kinds of source REFI-QDA knows, with the words a researcher reads in a report. */
    public enum SourceKind {
        TEXT("text"), PDF("PDF"), PICTURE("picture"), AUDIO("audio"), VIDEO("video");

        private final String word;
        SourceKind(String word) { this.word = word; }
        public String word() { return word; }
    }

    /**
     * One source. For a text source the text is {@code plainTextContent} or the file named by
     * {@code plainTextPath}; for a PDF they come from its plain-text {@code <Representation>}, whose
     * selections are {@code selections} (as are text selections a tool wrote straight into the
     * {@code PDFSource}). {@code richTextPath} names a DOCX; {@code path} the PDF, picture, audio or
     * video file.
     *
     * @param codings         codings of the source as a whole (not of a selection)
     * @param notes           GUIDs of the notes on the source
     * @param otherSelections selections Tamga cannot hold: areas of pictures and PDF pages, stretches of audio and video
     * @param transcripts     number of transcripts of an audio or video source
     */
    public record Source(SourceKind kind, String guid, String name, String description, String creatingUser,
                         Instant created, String plainTextPath, String plainTextContent, String richTextPath,
                         String path, List<Selection> selections, List<Coding> codings, List<String> notes,
                         List<VariableValue> values, List<OtherSelection> otherSelections, int transcripts) {
        public Source {
            selections = List.copyOf(selections);
            codings = List.copyOf(codings);
            notes = List.copyOf(notes);
            values = List.copyOf(values);
            otherSelections = List.copyOf(otherSelections);
        }

        /** Whether the file gives this source's plain text, inline or as a file. */
        public boolean hasPlainText() { return plainTextContent != null || plainTextPath != null; }
    }

    /**
     * A passage of a text: {@code start} and {@code end} exactly as the file states them (REFI-QDA
     * says code points, 0-based, end exclusive; tools differ, see docs/adr/0020).
     */
    public record Selection(String guid, String name, long start, long end, String description, String creatingUser,
                            Instant created, List<Coding> codings, List<String> notes) {
        public Selection {
            codings = List.copyOf(codings);
            notes = List.copyOf(notes);
        }
    }

    /** A code applied to a selection or a source: {@code code} is the GUID of the code. */
    public record Coding(String guid, String code, String creatingUser, Instant created, List<String> notes) {
        public Coding {
            notes = List.copyOf(notes);
        }
    }

    /** A selection of a picture, a PDF page area, or a stretch of audio or video: only counted. */
    public record OtherSelection(String kind, int codings) {}

    /** A note (a memo): its text is {@code text} or the file named by {@code plainTextPath}. */
    public record Note(String guid, String name, String text, String plainTextPath, String description,
                       String creatingUser, Instant created, Instant modified) {}

    /** A link between two elements (NVivo links its annotations to their passages this way). */
    public record Link(String guid, String origin, String target) {}

    /** A variable (a Tamga attribute): {@code type} as {@code typeOfVariable} gives it (Text, Integer, Float, Boolean, Date, DateTime). */
    public record Variable(String guid, String name, String type, String description) {}

    /**
     * A case; MAXQDA and Quirkos also use unnamed cases with one source to give a document its variables.
     *
     * @param sources    GUIDs of the sources in the case
     * @param selections number of passages ({@code SelectionRef}) in the case
     * @param codes      number of codes ({@code CodeRef}) the case is linked to
     */
    public record Case(String guid, String name, String description, List<String> sources, List<VariableValue> values,
                       int selections, int codes) {
        public Case {
            sources = List.copyOf(sources);
            values = List.copyOf(values);
        }
    }

    /** A value of a variable: {@code variable} is its GUID, {@code value} the text of its {@code TextValue}, {@code IntegerValue} …, or null. */
    public record VariableValue(String variable, String value) {}
}
