using MimeKit;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>
/// A real SMTP server process (Debian's python3-aiosmtpd, with the handler in smtp_sink.py) on a
/// loopback port, keeping what it accepts in a Maildir, read back with MimeKit.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly ServerProcess _server;
    private readonly string _maildir;

    private SmtpSink(ServerProcess server, string maildir, int port)
    {
        (_server, _maildir, Port) = (server, maildir, port);
    }

    public int Port { get; }

    /// <param name="holdFirst">How long the server waits, after storing the first message, before it answers that it took it.</param>
    public static async Task<SmtpSink> StartAsync(int? port = null, TimeSpan? holdFirst = null)
    {
        Prerequisites.Require(File.Exists(Python) && Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"), "python3-aiosmtpd (apt-get install python3-aiosmtpd) runs the real SMTP server these tests send to");

        var chosen = port ?? ServerProcess.FreePort();
        // A path that does not exist yet: the handler creates the Maildir (new, cur, tmp) only then.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("tm-smtp-").FullName, "maildir");
        var hold = (holdFirst ?? TimeSpan.Zero).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var server = new ServerProcess(
            Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosen}", "-c", "smtp_sink.Sink", maildir, hold],
            new Dictionary<string, string> { ["PYTHONPATH"] = Path.Combine(Repository.Root, "tests", "Api.Tests", "Notifications") },
            removeWhenOrphaned: Path.GetDirectoryName(maildir));
        var sink = new SmtpSink(server, maildir, chosen);
        await server.WaitUntilReadyAsync("aiosmtpd", async () =>
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync("127.0.0.1", chosen);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20));
        return sink;
    }

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. new[] { "new", "cur" }.Select(folder => Path.Combine(_maildir, folder)).Where(Directory.Exists).SelectMany(Directory.GetFiles).Order().Select(file => MimeMessage.Load(file))];

    /// <summary>Polls until at least <paramref name="count"/> messages arrived, or fails after <paramref name="within"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var messages = Messages;
            if (messages.Count >= count)
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{messages.Count} of {count} messages arrived within {within}.");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(Path.GetDirectoryName(_maildir)!, recursive: true);
        }
    }
}
