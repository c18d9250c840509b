using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Tickets;

namespace TicketMaster.Api.Tests.Tickets;

/// <summary>The embedded default signs tickets with a key it generates once and keeps beside the database.</summary>
public sealed class GeneratedKeyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tm-keys-").FullName;

    [Fact]
    public void Without_configured_keys_one_key_is_generated_into_the_data_directory_and_codes_survive_a_restart()
    {
        var claim = new TicketClaim(Guid.CreateVersion7(), 7, 11);

        var code = Start(new Dictionary<string, string?>()).CodeFor(claim);
        var afterRestart = Start(new Dictionary<string, string?>());
        var configured = Start(new Dictionary<string, string?>
        {
            ["Tickets:SigningKeys:0:Id"] = "prod",
            ["Tickets:SigningKeys:0:Secret"] = TicketScene.SigningSecret,
        });

        Assert.True(File.Exists(Path.Combine(_root, "App_Data", "ticket-signing-key")));
        Assert.StartsWith("TM1.local.", code);
        Assert.Equal(claim, afterRestart.Verify(code));
        Assert.Null(configured.Verify(code));
        Assert.StartsWith("TM1.prod.", configured.CodeFor(claim));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TicketCodes Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTicketSigning(configuration, _root).BuildServiceProvider();
        return services.GetRequiredService<TicketCodes>();
    }
}
