import Foundation
import Testing
import TestSupport

/// Issue 26: `sargs check` says when mail cannot leave the server, with the fix.
@Suite("check: the mail path", .serialized)
struct MailPathCheckTests {
    @Test("no sendmail, exim4 in its local-only default, msmtp without settings: each a problem with its fix (65), for a store that mails; a store without mailboxes is not asked about mail; looking makes no WAL file")
    func mailPath() throws {
        let s = SargsProcess.madona(today: "2025-09-20")
        let missing = ["SARGS_SENDMAIL": s.directory + "/no-such/sendmail -t -oi"]
        for file in [s.database + "-wal", s.database + "-shm"] { unlink(file) }
        let quiet = s.run(["check"], environment: missing)
        #expect(quiet.status == 0 && quiet.stdout.contains("all is well"), "no mailbox, no mail: \(quiet.stdout) \(quiet.stderr)")

        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.lv"]).status == 0)
        for file in [s.database + "-wal", s.database + "-shm"] { unlink(file) }
        let none = s.run(["check"], environment: missing)
        #expect(none.status == 65, "\(none.stdout) \(none.stderr)")
        #expect(none.stdout.contains("mail cannot leave this server: there is no sendmail command \(s.directory)/no-such/sendmail (SARGS_SENDMAIL)"), "\(none.stdout)")
        #expect(none.stdout.contains("fix: sudo apt-get install msmtp-mta; then /etc/msmtprc for the municipality's relay (README, \"Mail from the server\"); to try it: sargs remind --test ADDRESS"), "\(none.stdout)")
        #expect(none.stderr.contains("mail cannot leave this server") && !none.stderr.contains("in the store"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.database + "-wal"), "looking made no WAL file")
        let lv = s.run(["check", "--lang", "lv"], environment: missing)
        #expect(lv.stdout.contains("pasts no šī servera neiziet: nav sendmail komandas") && lv.stdout.contains("labojums: sudo apt-get install msmtp-mta"), "\(lv.stdout)")

        // Debian's exim4 as installed: it delivers on this server only.
        let exim = s.directory + "/exim"
        try FileManager.default.createDirectory(atPath: exim, withIntermediateDirectories: true)
        try "#!/bin/sh\ncat >/dev/null\n".write(toFile: exim + "/exim4", atomically: true, encoding: .utf8)
        chmod(exim + "/exim4", 0o755)
        symlink(exim + "/exim4", exim + "/sendmail")
        let settings = exim + "/update-exim4.conf.conf"
        try "dc_eximconfig_configtype='local'\ndc_other_hostnames=''\ndc_local_interfaces='127.0.0.1 ; ::1'\n".write(toFile: settings, atomically: true, encoding: .utf8)
        let eximEnvironment = ["SARGS_SENDMAIL": exim + "/sendmail -t -oi", "SARGS_EXIM_CONFIG": settings]
        let local = s.run(["check"], environment: eximEnvironment)
        #expect(local.status == 65 && local.stdout.contains("exim4 is in Debian's default setting, which delivers only on this server (dc_eximconfig_configtype='local' in \(settings))"), "\(local.stdout)")
        #expect(local.stdout.contains("fix: sudo dpkg-reconfigure exim4-config") && local.stdout.contains("msmtp-mta"), "\(local.stdout)")
        try "dc_eximconfig_configtype='smarthost'\ndc_smarthost='smtp.example.lv::587'\n".write(toFile: settings, atomically: true, encoding: .utf8)
        let smarthost = s.run(["check"], environment: eximEnvironment)
        #expect(smarthost.status == 0 && smarthost.stdout.contains("all is well"), "\(smarthost.stdout)")

        // msmtp with nothing to tell it where to send.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") {
            let home = s.directory + "/home"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let msmtp = ["SARGS_SENDMAIL": "/usr/bin/msmtp -t", "SARGS_MSMTP_CONFIG": s.directory + "/msmtprc", "HOME": home, "XDG_CONFIG_HOME": home + "/.config"]
            let bare = s.run(["check"], environment: msmtp)
            #expect(bare.status == 65 && bare.stdout.contains("msmtp has no settings"), "\(bare.stdout)")
            try "account default\nhost smtp.example.lv\n".write(toFile: s.directory + "/msmtprc", atomically: true, encoding: .utf8)
            #expect(s.run(["check"], environment: msmtp).status == 0)
        }
    }
}
