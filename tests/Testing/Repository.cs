namespace TicketMaster.Testing;

/// <summary>Files of the repository the tests were built from, for tests that check committed artifacts.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding TicketMaster.sln.</summary>
    public static string Root => LazyRoot.Value;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketMaster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TicketMaster.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
