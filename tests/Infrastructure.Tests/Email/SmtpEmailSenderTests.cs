using System.Net;
using System.Net.Sockets;
using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Email;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Sends_the_message_over_smtp_with_the_configured_credentials()
    {
        await using var server = new FakeSmtpServer();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            Delivery = EmailDelivery.Smtp,
            SmtpHost = "127.0.0.1",
            SmtpPort = server.Port,
            SmtpUserName = "mailer",
            SmtpPassword = "s3cret",
            From = "no-reply@brand.example",
        }));

        await sender.SendAsync(new EmailMessage("invitee@example.com", "You are invited", "Accept: https://app.example/accept-invite?token=abc"), default);

        var session = await server.SessionAsync();
        Assert.Contains("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0mailer\0s3cret")), session, StringComparison.Ordinal);
        Assert.Contains("MAIL FROM:<no-reply@brand.example>", session, StringComparison.Ordinal);
        Assert.Contains("RCPT TO:<invitee@example.com>", session, StringComparison.Ordinal);
        Assert.Contains("Subject: You are invited", session, StringComparison.Ordinal);
        Assert.Contains("accept-invite?token=abc", session, StringComparison.Ordinal);
    }

    /// <summary>Speaks enough SMTP (RFC 5321, AUTH PLAIN) for one message, recording what the client said.</summary>
    private sealed class FakeSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<string> _session;

        public FakeSmtpServer()
        {
            _listener.Start();
            _session = ServeOneAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<string> SessionAsync() => await _session.WaitAsync(TimeSpan.FromSeconds(10));

        public ValueTask DisposeAsync()
        {
            _listener.Stop();
            return ValueTask.CompletedTask;
        }

        private async Task<string> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var transcript = new StringBuilder();
            await writer.WriteLineAsync("220 fake.smtp ESMTP ready");
            while (await reader.ReadLineAsync() is { } line)
            {
                transcript.AppendLine(line);
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.smtp");
                        await writer.WriteLineAsync("250 AUTH PLAIN");
                        break;
                    case "AUTH":
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            transcript.AppendLine(data);
                        }

                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return transcript.ToString();
                    default:
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                }
            }

            return transcript.ToString();
        }
    }
}
