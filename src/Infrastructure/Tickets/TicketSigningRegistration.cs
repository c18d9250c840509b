using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Persistence;

namespace TicketMaster.Tickets;

public static class TicketSigningRegistration
{
    /// <summary>The key ring from <c>Tickets:SigningKeys</c>, or the embedded default's generated key file.</summary>
    public static IServiceCollection AddTicketSigning(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(TicketOptions.SectionName).Get<TicketOptions>() ?? new TicketOptions();
        var dataDirectory = Path.Combine(contentRoot, configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.DataDirectory ?? "App_Data");
        services.AddSingleton(_ => new TicketSigningKeys(options.SigningKeys.Count > 0
            ? [.. options.SigningKeys.Select(k => new TicketSigningKey(k.Id, Convert.FromBase64String(k.Secret)))]
            : [GeneratedKeyFile.ReadOrCreate(Path.Combine(dataDirectory, options.KeyFile))]));
        services.AddSingleton<TicketCodes>();
        return services;
    }
}

/// <summary>
/// The embedded default's key: generated on first start and kept beside the SQLite file, so codes
/// issued before a restart still verify. Written to a temporary file and moved into place, so two
/// processes starting at once agree on one key.
/// </summary>
internal static class GeneratedKeyFile
{
    public static TicketSigningKey ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(draft, $"local:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        var (id, secret) = File.ReadAllText(path).Trim().Split(':') is [var keyId, var key] ? (keyId, key) : throw new InvalidOperationException($"{path} is not a ticket signing key file (expected id:base64).");
        return new TicketSigningKey(id, Convert.FromBase64String(secret));
    }
}
