using TicketMaster.OrganizerWebhooks;

namespace TicketMaster.Domain.Tests.OrganizerWebhooks;

/// <summary>The SSRF rule for webhook URLs outside Development.</summary>
public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("http://hooks.example.com/x", "https")]
    [InlineData("https://127.0.0.1/x", "private")]
    [InlineData("https://localhost/x", "private")]
    [InlineData("https://10.1.2.3/x", "private")]
    [InlineData("https://172.20.0.1/x", "private")]
    [InlineData("https://192.168.1.1/x", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private")]
    [InlineData("https://[::1]/x", "private")]
    [InlineData("https://[fd00::1]/x", "private")]
    [InlineData("https://[::ffff:10.0.0.1]/x", "private")]
    [InlineData("ftp://hooks.example.com/x", "https")]
    [InlineData("https://user:pw@hooks.example.com/x", "credentials")]
    [InlineData("/relative", "https")]
    public void A_url_that_is_not_public_https_is_refused_with_the_reason(string url, string reason)
    {
        var refused = Assert.Throws<WebhookUrlRefusedException>(() => AddWebhookEndpoint.Check(url, allowLocal: false));

        Assert.Contains(reason, refused.Reason);
    }

    [Fact]
    public void A_public_https_url_is_accepted_and_development_allows_loopback_http()
    {
        Assert.Equal("https://hooks.example.com/tm?x=1", AddWebhookEndpoint.Check("https://hooks.example.com/tm?x=1", allowLocal: false).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:8080/x", AddWebhookEndpoint.Check("http://127.0.0.1:8080/x", allowLocal: true).AbsoluteUri);
    }
}
