package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stable identities of findings across builds, versions and report orderings.
 *
 * <ul>
 *   <li>vulnerability: identifier + package (purl without version, else name) + target (image tag and digest
 *       removed), not the installed version, so a bump that does not fix it keeps its age;</li>
 *   <li>code weakness and misconfiguration: rule + file + the tool's partial fingerprint where present, else a
 *       hash of the flagged text with white space folded, never the line number;</li>
 *   <li>secret: rule + file + the keyed hash of the secret's value.</li>
 * </ul>
 */
public final class Fingerprints {
    private static final Pattern IMAGE_DIGEST = Pattern.compile("@sha256:[0-9a-fA-F]{16,}");
    private static final Pattern IMAGE_TAG = Pattern.compile(
            "^((?:[\\w.\\-]+(?::\\d+)?/)*)([\\w.\\-]+):[\\w.\\-]+(?=\\s|$)");
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprints::newSha256);
    private static final HexFormat HEX = HexFormat.of();

    private Fingerprints() {
    }

    /** Returns the fingerprint of a vulnerability. */
    public static String vulnerability(String id, @CheckForNull String purl, @CheckForNull String packageName,
            @CheckForNull String target) {
        return digest("vulnerability", id.toUpperCase(Locale.ROOT), packageIdentity(purl, packageName),
                normaliseTarget(target));
    }

    /** Returns the fingerprint of a code weakness or misconfiguration. */
    public static String code(FindingKind kind, String rule, @CheckForNull String path,
            @CheckForNull String partialFingerprint, @CheckForNull String flaggedText) {
        if (partialFingerprint != null && !partialFingerprint.isBlank()) {
            return digest(kind.label(), rule, nullToEmpty(path), "partial:" + partialFingerprint);
        }
        return digest(kind.label(), rule, nullToEmpty(path), "text:" + normaliseText(flaggedText));
    }

    /** Returns the fingerprint of a secret from the keyed hash of its value. */
    public static String secret(String rule, @CheckForNull String path, String secretHash) {
        return digest("secret", rule, nullToEmpty(path), secretHash);
    }

    /** Returns the package part of a vulnerability's identity: the purl without version and qualifiers. */
    static String packageIdentity(@CheckForNull String purl, @CheckForNull String packageName) {
        if (purl != null && purl.startsWith("pkg:")) {
            String withoutSubpath = beforeQualifiers(purl);
            int at = withoutSubpath.lastIndexOf('@');
            int slash = withoutSubpath.lastIndexOf('/');
            return at > slash ? withoutSubpath.substring(0, at) : withoutSubpath;
        }
        return nullToEmpty(packageName);
    }

    /** Removes what changes from one version to the next from an image reference: its tag and digest. */
    public static String normaliseTarget(@CheckForNull String target) {
        if (target == null) {
            return "";
        }
        String stripped = target.strip();
        // Both patterns need these characters: paths and file names, most targets, skip the matching.
        String withoutDigest = stripped.contains("@sha256:") ? IMAGE_DIGEST.matcher(stripped).replaceAll("")
                : stripped;
        return withoutDigest.indexOf(':') < 0 ? withoutDigest
                : IMAGE_TAG.matcher(withoutDigest).replaceFirst("$1$2");
    }

    /** Returns the purl up to its qualifiers or subpath: {@code purl.split("[?#]", 2)[0]} without a regex. */
    private static String beforeQualifiers(String purl) {
        int question = purl.indexOf('?');
        int hash = purl.indexOf('#');
        int end = question < 0 ? hash : hash < 0 ? question : Math.min(question, hash);
        return end < 0 ? purl : purl.substring(0, end);
    }

    private static String normaliseText(@CheckForNull String text) {
        return text == null ? "" : Texts.foldWhiteSpace(text.strip());
    }

    private static String nullToEmpty(@CheckForNull String text) {
        return text == null ? "" : text;
    }

    /**
     * Hashes the parts, each as its UTF-8 length in decimal, a colon and its UTF-8 bytes. The digest is one per
     * thread and reused: looking up a provider per finding cost more than the hash of its few bytes.
     */
    private static String digest(String... parts) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        return HEX.formatHex(sha.digest(), 0, 16);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", exception);
        }
    }
}
