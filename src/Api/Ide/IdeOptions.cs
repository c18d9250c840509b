namespace TicketMaster.Api.Ide;

/// <summary>Where the IDE's files are; bound from the <c>Ide</c> configuration section.</summary>
public sealed class IdeOptions
{
    public const string SectionName = "Ide";

    /// <summary>False turns the IDE off: <c>/graphql</c> then answers browsers as the transport does.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding Banana Cake Pop's index.html, relative to the content root when not
    /// absolute. Default: <c>BananaCakePop/</c> beside the app's assembly, where the build and
    /// <c>dotnet publish</c> put it.
    /// </summary>
    public string? Path { get; set; }

    public string ResolveRoot(string contentRootPath) =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "BananaCakePop")
            : System.IO.Path.GetFullPath(Path, contentRootPath);
}
