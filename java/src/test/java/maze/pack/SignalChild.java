package maze.pack;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import maze.output.OutputFile;

/**
 * A child JVM for {@link SignalCleanupTest}: extracts a bundle (args: bundle PARENT FOLDER) or
 * starts an output file (args: output TARGET), says READY with the temporary path, then waits to
 * be killed.
 */
public final class SignalChild {
    private SignalChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bundle")) {
            AnalysisInput in = AnalysisInput.of(Path.of(args[1]), null, Path.of(args[2]), BundleLimits.DEFAULT);
            System.out.println("READY " + in.bundle().root());
        } else {
            OutputFile f = OutputFile.check(Path.of(args[1]), "-o", List.of(), true);
            OutputStream out = f.open();
            out.write(new byte[4096]);
            out.flush();
            System.out.println("READY " + f.target());
        }
        System.out.flush();
        Thread.sleep(120_000);
    }
}
