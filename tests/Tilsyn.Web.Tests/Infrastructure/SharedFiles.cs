namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>Finds the project's shared reference data (<c>../shared/</c> beside the repository).</summary>
public static class SharedFiles
{
    public static string KleSubset => Find(Path.Combine("shared", "kle", "kle-subset.csv"));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}; the tests expect shared/ beside the repository.");
    }
}
