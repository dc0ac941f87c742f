package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects what a parser reads about one finding, then cleans it, redacts a secret's value from every text and
 * computes the fingerprint. A builder is used for one finding only.
 */
public final class FindingBuilder {
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s\"'`=:,;()\\[\\]{}<>]+");
    private static final Pattern LIKELY_SECRET = Pattern.compile("[A-Za-z0-9+/_.~-]{16,}={0,2}");
    private static final Pattern KNOWN_SECRET = Pattern.compile("^(AKIA|ASIA)[0-9A-Z]{16}|^gh[pousr]_[A-Za-z0-9]{30,}"
            + "|^github_pat_|^glpat-|^xox[abprs]-|^sk_live_|^AIza[0-9A-Za-z_-]{30,}");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private static final Pattern CWE = Pattern.compile("(?i)^\\s*(?:CWE-?)?(\\d{1,6})(?!\\d)(?![\\w.])");

    private final SecretHasher hasher;
    private final String tool;
    private final FindingKind kind;

    @CheckForNull
    private String id;
    private final Set<String> aliases = new LinkedHashSet<>();
    @CheckForNull
    private String title;
    @CheckForNull
    private String description;
    private Severity severity = Severity.UNKNOWN;
    @CheckForNull
    private Double cvssScore;
    @CheckForNull
    private String cvssVector;
    private final Set<String> cwes = new LinkedHashSet<>();
    @CheckForNull
    private String packageName;
    @CheckForNull
    private String purl;
    @CheckForNull
    private String installedVersion;
    @CheckForNull
    private String fixedVersion;
    @CheckForNull
    private String target;
    @CheckForNull
    private String path;
    private int line;
    @CheckForNull
    private String url;
    @CheckForNull
    private String suppression;
    @CheckForNull
    private String partialFingerprint;
    @CheckForNull
    private String flaggedText;
    @CheckForNull
    private String secretValue;
    @CheckForNull
    private String maskedSecret;
    @CheckForNull
    private String baseDirectory;

    /** Creates a builder for a finding of the given tool and kind. */
    public FindingBuilder(SecretHasher hasher, String tool, FindingKind kind) {
        this.hasher = hasher;
        this.tool = tool;
        this.kind = kind;
    }

    /** Sets the primary identifier: the advisory id of a vulnerability, else the rule id. */
    public FindingBuilder id(@CheckForNull String value) {
        id = Texts.line(value);
        return this;
    }

    /** Adds other identifiers of the same problem; blank values and the primary id are ignored. */
    public FindingBuilder alias(@CheckForNull String value) {
        String alias = Texts.line(value);
        if (alias != null) {
            aliases.add(alias);
        }
        return this;
    }

    public FindingBuilder title(@CheckForNull String value) {
        title = value;
        return this;
    }

    public FindingBuilder description(@CheckForNull String value) {
        description = value;
        return this;
    }

    public FindingBuilder severity(Severity value) {
        severity = value;
        return this;
    }

    /** Sets the CVSS base score; values outside 0 to 10 are ignored. */
    public FindingBuilder cvss(@CheckForNull Double score, @CheckForNull String vector) {
        if (score != null && score >= 0 && score <= 10) {
            cvssScore = score;
        }
        cvssVector = Texts.line(vector);
        return this;
    }

    /**
     * Adds a CWE, given as {@code 79}, {@code CWE-79} or {@code CWE-79: name}; other values, and CWE 0 which no
     * weakness has, are ignored.
     */
    public FindingBuilder cwe(@CheckForNull String value) {
        int number = plainCwe(value);
        if (number >= 0) {
            if (number > 0) {
                cwes.add("CWE-" + number);
            }
        }
        else if (value != null) {
            var matcher = CWE.matcher(value);
            if (matcher.find() && Integer.parseInt(matcher.group(1)) > 0) {
                cwes.add("CWE-" + Integer.parseInt(matcher.group(1)));
            }
        }
        return this;
    }

    /**
     * Returns the number of a CWE written exactly {@code CWE-} and one to six digits, as most reports write it,
     * else -1 (then the pattern decides).
     */
    private static int plainCwe(@CheckForNull String value) {
        if (value == null || value.length() < 5 || value.length() > 10 || !value.startsWith("CWE-")) {
            return -1;
        }
        int number = 0;
        for (int i = 4; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    public FindingBuilder packageName(@CheckForNull String value) {
        packageName = Texts.line(value);
        return this;
    }

    public FindingBuilder purl(@CheckForNull String value) {
        purl = Texts.line(value);
        return this;
    }

    public FindingBuilder installedVersion(@CheckForNull String value) {
        installedVersion = Texts.line(value);
        return this;
    }

    public FindingBuilder fixedVersion(@CheckForNull String value) {
        fixedVersion = Texts.line(value);
        return this;
    }

    public FindingBuilder target(@CheckForNull String value) {
        target = relative(Texts.line(value));
        return this;
    }

    public FindingBuilder path(@CheckForNull String value) {
        path = relative(Texts.line(value));
        return this;
    }

    /**
     * Sets the directory that absolute paths and targets are made relative to; see
     * {@link io.jenkins.plugins.securitycatalogue.formats.ParseContext#baseDirectory(String)}.
     */
    public FindingBuilder baseDirectory(@CheckForNull String directory) {
        String cleaned = Texts.line(directory);
        baseDirectory = cleaned == null ? null : TRAILING_SLASHES.matcher(cleaned.replace('\\', '/')).replaceAll("");
        return this;
    }

    /** Sets the first line; anything but 1 to {@link Integer#MAX_VALUE} means unknown. */
    public FindingBuilder line(long value) {
        line = value > 0 && value <= Integer.MAX_VALUE ? (int) value : 0;
        return this;
    }

    /** Sets the link to the advisory or rule help; only http and https links are kept. */
    public FindingBuilder url(@CheckForNull String value) {
        url = Texts.httpUrl(value).orElse(null);
        return this;
    }

    /**
     * Sets the link to the first candidate that {@link #url(String)} would keep, checking each candidate once;
     * {@code null} candidates are passed over. Without one, the link is unset.
     */
    public FindingBuilder firstUrl(Iterable<String> candidates) {
        url = null;
        for (String candidate : candidates) {
            var link = Texts.httpUrl(candidate);
            if (link.isPresent()) {
                url = link.get();
                break;
            }
        }
        return this;
    }

    /** Marks the finding as suppressed by the tool, with the reason. */
    public FindingBuilder suppressed(String reason) {
        suppression = reason.isBlank() ? "suppressed" : reason;
        return this;
    }

    /** Sets the tool's own stable fingerprint of a code finding (SARIF partial fingerprints). */
    public FindingBuilder partialFingerprint(@CheckForNull String value) {
        partialFingerprint = value;
        return this;
    }

    /** Sets the text the tool flagged (a snippet or message), used for fingerprints of code findings. */
    public FindingBuilder flaggedText(@CheckForNull String value) {
        flaggedText = value;
        return this;
    }

    /** Sets a secret's value: it is hashed and masked, redacted from every text and never kept. */
    public FindingBuilder secret(@CheckForNull String value) {
        secretValue = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** Sets the masked form of a secret that the tool already masked (its value is not known). */
    public FindingBuilder maskedSecret(@CheckForNull String masked) {
        String cleaned = Texts.line(masked);
        maskedSecret = cleaned == null || cleaned.length() <= 50 ? cleaned : cleaned.substring(0, 49) + "…";
        return this;
    }

    /** Returns the identifier set so far, for parsers that must decide whether to skip a finding. */
    @CheckForNull
    public String id() {
        return id;
    }

    /**
     * Builds the finding.
     *
     * @throws IllegalArgumentException if no identifier was given
     */
    public Finding build() {
        if (id == null) {
            throw new IllegalArgumentException("the " + kind.label() + " has no identifier (rule or advisory id)");
        }
        String primary = id;
        String cleanTitle = redact(Texts.line(title));
        String cleanDescription = redact(Texts.clean(description, Texts.MAX_DESCRIPTION));
        String mask = maskedSecret;
        String fingerprint;
        if (kind == FindingKind.VULNERABILITY) {
            fingerprint = Fingerprints.vulnerability(primary, purl, packageName, target);
        }
        else if (secretValue != null) {
            mask = SecretHasher.mask(secretPart(secretValue));
            fingerprint = Fingerprints.secret(primary, path, hasher.hash(secretValue.strip()));
        }
        else {
            fingerprint = Fingerprints.code(kind, primary, path, partialFingerprint, redact(flaggedText));
        }
        List<String> otherIds = new ArrayList<>(aliases);
        otherIds.removeIf(alias -> alias.toUpperCase(Locale.ROOT).equals(primary.toUpperCase(Locale.ROOT)));
        return new Finding(tool, kind, primary, otherIds, cleanTitle == null ? primary : cleanTitle,
                cleanDescription == null ? "" : cleanDescription, severity, cvssScore, cvssVector,
                new ArrayList<>(cwes), packageName, purl, installedVersion, fixedVersion, target, path, line, url,
                suppression == null ? null : Texts.line(suppression), mask, fingerprint);
    }

    @CheckForNull
    private String relative(@CheckForNull String value) {
        return relativeTo(baseDirectory, value);
    }

    /**
     * Returns the path or target relative to the base directory when it is under it (with {@code /} as
     * separator), else as it is.
     */
    @CheckForNull
    public static String relativeTo(@CheckForNull String baseDirectory, @CheckForNull String value) {
        if (value == null || baseDirectory == null || baseDirectory.isEmpty()) {
            return value;
        }
        String base = TRAILING_SLASHES.matcher(baseDirectory.replace('\\', '/')).replaceAll("");
        String normalised = value.replace('\\', '/');
        String prefix = normalised.startsWith("file://") ? "file://" : "";
        String bare = normalised.substring(prefix.length());
        if (bare.startsWith(base + "/")) {
            return bare.substring(base.length() + 1);
        }
        return value;
    }

    /**
     * Removes a secret from a text: its value, each long token of the value (a scanner's snippet holds the secret
     * among other words), and, in a secret finding, anything that looks like a credential even when the tool did
     * not say which value it found.
     */
    @CheckForNull
    private String redact(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        if (secretValue != null) {
            redacted = redacted.replace(secretValue.strip(), SecretHasher.mask(secretValue));
            for (String token : TOKEN_SEPARATORS.split(secretValue)) {
                if (token.length() >= 8) {
                    redacted = redacted.replace(token, SecretHasher.mask(token));
                }
            }
        }
        if (kind == FindingKind.SECRET) {
            redacted = LIKELY_SECRET.matcher(redacted).replaceAll(match -> isLikelySecret(match.group())
                    ? java.util.regex.Matcher.quoteReplacement(SecretHasher.mask(match.group())) : match.group());
        }
        return redacted;
    }

    /**
     * Returns whether a token looks like a credential: a well-known key format, or a long mix of letters and digits
     * that is not a file name.
     */
    private static boolean isLikelySecret(String token) {
        return KNOWN_SECRET.matcher(token).find() || token.length() >= 24 && token.indexOf('.') < 0
                && token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
    }

    /** Returns the part of a secret's value that is the secret: the longest token of a snippet. */
    private static String secretPart(String value) {
        String whole = value.strip();
        String longest = "";
        for (String token : TOKEN_SEPARATORS.split(whole)) {
            if (token.length() > longest.length()) {
                longest = token;
            }
        }
        return longest.length() >= 8 ? longest : whole;
    }
}
