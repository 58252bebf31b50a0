package maze.pack;

import java.io.IOException;
import java.nio.file.Path;
import maze.core.CoreOptions;

/**
 * What {@code maze analyze INPUT} / {@code maze blocks INPUT} analyze: a plain core as given, or a
 * bundle (told by its gzip bytes, not its name) extracted into a private folder that
 * {@link #close} removes. For a bundle, the options point at its own files only; an --exe or
 * --sysroot the user gave still wins.
 *
 * @param core     the core file to read
 * @param options  executable and sysroot for the core reader and gdb ({@code set sysroot})
 * @param debugDir for gdb's {@code set debug-file-directory}; null for a plain core (host default)
 * @param bundle   the extracted bundle, or null for a plain core
 */
public record AnalysisInput(Path core, CoreOptions options, Path debugDir, BundleExtractor bundle)
        implements AutoCloseable {

    public static AnalysisInput of(Path input, CoreOptions given) throws IOException {
        return of(input, given, BundleExtractor.defaultParent(), BundleLimits.DEFAULT);
    }

    public static AnalysisInput of(Path input, CoreOptions given, Path tmpParent, BundleLimits limits)
            throws IOException {
        CoreOptions user = given != null ? given : CoreOptions.NONE;
        if (!BundleExtractor.isBundle(input)) {
            return new AnalysisInput(input, user, null, null);
        }
        BundleExtractor b = BundleExtractor.extract(input, tmpParent, limits);
        CoreOptions options = new CoreOptions(user.exe() != null ? user.exe() : b.exe(),
                user.sysroot() != null ? user.sysroot() : b.sysroot());
        return new AnalysisInput(b.core(), options, b.debugDir(), b);
    }

    @Override
    public void close() throws IOException {
        if (bundle != null) {
            bundle.close();
        }
    }
}
