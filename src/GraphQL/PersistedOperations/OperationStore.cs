using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TicketMaster.GraphQL.PersistedOperations;

/// <summary>
/// Persisted operations on disk: one <c>&lt;id&gt;.graphql</c> file per operation, the id being the
/// SHA-256 of its text in lowercase hex (what Hot Chocolate, Apollo and Relay compilers produce).
/// A folder is what a frontend's build emits and a deployment can ship or mount; texts read once
/// are kept in memory, since a store only grows.
/// </summary>
public sealed partial class OperationStore(IOptions<PersistedOperationOptions> options, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, string> _loaded = new(StringComparer.Ordinal);

    public string Directory { get; } = Path.Combine(environment.ContentRootPath, options.Value.Directory);

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Ids become file names, so only plain ids are looked up: no path may escape the folder.</summary>
    public static bool IsWellFormedId(string id) => WellFormedId().IsMatch(id);

    public async Task<string?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }

        if (_loaded.TryGetValue(id, out var text))
        {
            return text;
        }

        var path = Path.Combine(Directory, id + ".graphql");
        if (!File.Exists(path))
        {
            return null;
        }

        text = await File.ReadAllTextAsync(path, cancellationToken);
        _loaded[id] = text;
        return text;
    }

    /// <summary>Stores <paramref name="text"/> under its hash, and returns the hash.</summary>
    public async Task<string> SaveAsync(string text, CancellationToken cancellationToken)
    {
        var id = HashOf(text);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, id + ".graphql");
        if (!File.Exists(path))
        {
            // Written aside and moved in, so a concurrent reader never sees half a document.
            var temporary = Path.Combine(Directory, $".{id}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        _loaded[id] = text;
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex WellFormedId();
}
