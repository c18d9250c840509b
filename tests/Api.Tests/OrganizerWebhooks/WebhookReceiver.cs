using System.Collections.Concurrent;
using System.Net;
using System.Text;
using TicketMaster.Testing;

namespace TicketMaster.Api.Tests.OrganizerWebhooks;

/// <summary>
/// A real HTTP server (HttpListener on a free loopback port) standing in for an organizer's
/// receiver: it answers each path with the statuses it was told to (200 once they run out) and
/// records every request as it arrived.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _script = new();
    private readonly ConcurrentQueue<Received> _received = new();

    private WebhookReceiver(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public static WebhookReceiver Start() => new(ServerProcess.FreePort());

    /// <summary>A fresh path on this receiver that answers <paramref name="statuses"/> in turn, then 200 (or <paramref name="after"/>).</summary>
    public string Path(int after, params int[] statuses)
    {
        var path = $"/hooks/{Guid.NewGuid():N}";
        _script[path] = new ConcurrentQueue<int>(statuses.Append(after));
        return path;
    }

    /// <summary>From now on the path answers 200.</summary>
    public void Heal(string path) => _script[path] = new ConcurrentQueue<int>([200]);

    public IReadOnlyList<Received> At(string path) => _received.Where(r => r.Path == path).ToList();

    public async Task<IReadOnlyList<Received>> WaitForAsync(string path, Func<IReadOnlyList<Received>, bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var received = At(path);
            if (done(received))
            {
                return received;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The receiver got {received.Count} request(s) at {path} within {patience}, not what the test waits for.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var status = 200;
            if (_script.TryGetValue(path, out var queue))
            {
                // The last scripted status repeats: it is what the receiver answers from then on.
                status = queue.Count > 1 && queue.TryDequeue(out var next) ? next : queue.TryPeek(out var last) ? last : 200;
            }

            _received.Enqueue(new Received(path, context.Request.Headers["TicketMaster-Signature"] ?? "", context.Request.Headers["TicketMaster-Delivery"] ?? "", body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public sealed record Received(string Path, string Signature, string DeliveryId, string Body, int Status);
}
