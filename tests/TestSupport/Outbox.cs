using System.Text.RegularExpressions;
using MimeKit;

namespace BrandAutomator.TestSupport;

/// <summary>Reads the e-mails the API wrote to its outbox (Email:Delivery=Outbox), decoded as a mail client would.</summary>
public static partial class Outbox
{
    /// <summary>Every link to <paramref name="page"/> (such as "/reset-password") in messages to <paramref name="to"/>, oldest first.</summary>
    public static IReadOnlyList<Uri> Links(ApiFactory factory, string to, string page)
    {
        if (!Directory.Exists(factory.OutboxDirectory))
        {
            return [];
        }

        return Directory.GetFiles(factory.OutboxDirectory, "*.eml")
            .Select(file => (File: file, Message: MimeMessage.Load(file)))
            .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.Message.Date).ThenBy(m => File.GetLastWriteTimeUtc(m.File))
            .SelectMany(m => LinkPattern().Matches(m.Message.TextBody ?? "").Select(x => new Uri(x.Value)))
            .Where(uri => uri.AbsolutePath == page)
            .ToList();
    }

    /// <summary>Waits (the mail goes out after the answer) for the <paramref name="count"/>th link to <paramref name="page"/>.</summary>
    public static async Task<Uri> WaitForLinkAsync(ApiFactory factory, string to, string page, int count = 1)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var links = Links(factory, to, page);
            if (links.Count >= count)
            {
                return links[count - 1];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No link to {page} for {to} arrived in {factory.OutboxDirectory}.");
    }

    /// <summary>Waits for a message to <paramref name="to"/> whose subject contains <paramref name="subject"/>; answers its text.</summary>
    public static async Task<string> WaitForMessageAsync(ApiFactory factory, string to, string subject)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Directory.Exists(factory.OutboxDirectory))
            {
                var found = Directory.GetFiles(factory.OutboxDirectory, "*.eml").Select(file => MimeMessage.Load(file))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                        && (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));
                if (found is not null)
                {
                    return found.TextBody ?? "";
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No message about '{subject}' for {to} arrived in {factory.OutboxDirectory}.");
    }

    /// <summary>The user id and token a reset or confirmation link carries in its fragment.</summary>
    public static (Guid UserId, string Token) Fragment(Uri link)
    {
        var fields = link.Fragment.TrimStart('#').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
        return (Guid.Parse(fields["user"]), fields["token"]);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
