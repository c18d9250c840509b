using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TicketMaster.Indexer.Tests.Elasticsearch;

/// <summary>
/// An HTTP listener on loopback that answers like Elasticsearch 9 (product header included, so the
/// official client accepts it) and records every request's method, path and body exactly as the
/// client put them on the wire. Answers are canned per route; no search logic is faked.
/// </summary>
public sealed partial class FakeElasticsearch : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _serving;

    public FakeElasticsearch()
    {
        var port = ServerProcess.FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Concrete indexes the alias points at; empty until a rebuild swaps one in.</summary>
    public List<string> AliasTargets { get; } = [];

    /// <summary>The body answered to <c>_search</c>.</summary>
    public string SearchResponse { get; set; } = """{"hits":{"total":{"value":0},"hits":[]},"aggregations":{"categories":{"buckets":[]},"cities":{"buckets":[]},"months":{"buckets":[]}}}""";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // The client compresses request bodies (Elasticsearch accepts gzip); read what it meant.
            Stream input = context.Request.Headers["Content-Encoding"] == "gzip"
                ? new System.IO.Compression.GZipStream(context.Request.InputStream, System.IO.Compression.CompressionMode.Decompress)
                : context.Request.InputStream;
            using var reader = new StreamReader(input, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.PathAndQuery.TrimStart('/');
            lock (_requests)
            {
                _requests.Add(new RecordedRequest(context.Request.HttpMethod, path, context.Request.ContentType, body));
            }

            var (status, answer) = Answer(context.Request.HttpMethod, path);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(string method, string path)
    {
        if (method == "GET" && path.StartsWith("_alias/", StringComparison.Ordinal))
        {
            return AliasTargets.Count == 0
                ? (404, """{"error":"alias [x] missing","status":404}""")
                : (200, "{" + string.Join(",", AliasTargets.Select(t => $"\"{t}\":{{\"aliases\":{{}}}}")) + "}");
        }

        if (method == "POST" && path == "_aliases")
        {
            return (200, """{"acknowledged":true}""");
        }

        if (method == "POST" && path.StartsWith("_bulk", StringComparison.Ordinal))
        {
            return (200, """{"errors":false,"items":[]}""");
        }

        if (path.Contains("_search", StringComparison.Ordinal))
        {
            return (200, SearchResponse);
        }

        if (method == "GET" && path.Contains("-checkpoints/_doc/", StringComparison.Ordinal))
        {
            return (200, """{"found":true,"_source":{"checkpoint":42}}""");
        }

        return (200, """{"acknowledged":true}""");
    }

    public sealed record RecordedRequest(string Method, string Path, string? ContentType, string Body)
    {
        /// <summary>The path with rebuild timestamps replaced, so snapshots are stable.</summary>
        public string StablePath => Timestamp().Replace(Path, "-<timestamp>");

        public string StableBody => Timestamp().Replace(Body, "-<timestamp>");
    }

    [GeneratedRegex(@"-\d{17}")]
    private static partial Regex Timestamp();
}
