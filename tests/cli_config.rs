//! The config file, shell completions and the man page, on the real binary.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// `roundtable` reading its config from `config` (which may not exist),
/// with no archive from the environment.
fn roundtable(config: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("roundtable");
    cmd.env("ROUNDTABLE_CONFIG", config)
        .env_remove("ROUNDTABLE_DIR")
        .env_remove("ROUNDTABLE_THEME")
        .env(
            "ROUNDTABLE_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .env(
            "ROUNDTABLE_STATE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/state-config"),
        );
    cmd
}

fn output(cmd: &mut Command, success: bool) -> (String, String) {
    let assert = if success {
        cmd.assert().success()
    } else {
        cmd.assert().code(1)
    };
    let out = assert.get_output();
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

const SUBCOMMANDS: [&str; 6] = ["list", "export", "check", "config", "completions", "man"];

#[test]
fn bash_completion_offers_every_subcommand_and_other_shells_work() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    let (bash, _) = output(roundtable(&config).args(["completions", "bash"]), true);
    assert!(bash.contains("complete -F _roundtable"), "{bash}");
    for sub in SUBCOMMANDS {
        assert!(bash.contains(sub), "{sub} missing");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let (script, _) = output(roundtable(&config).args(["completions", shell]), true);
        assert!(
            script.contains("export") && script.contains("roundtable"),
            "{shell}"
        );
    }
    roundtable(&config).args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_has_a_title_and_every_subcommand_and_renders() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    let (page, _) = output(roundtable(&config).arg("man"), true);
    assert!(
        page.contains(".TH roundtable 1"),
        "{}",
        &page[..300.min(page.len())]
    );
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!("ROUNDTABLE {}", sub.to_uppercase())),
            "{sub}"
        );
    }
    // Rendered by man itself where it is installed.
    let file = tmp.path().join("roundtable.1");
    fs::write(&file, &page).unwrap();
    if let Ok(out) = std::process::Command::new("man")
        .args(["-P", "cat", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(
            text.contains("NAME") && text.contains("ROUNDTABLE CONFIG"),
            "{text}"
        );
    }
}

#[test]
fn a_missing_config_is_the_defaults_and_says_how_to_start_one() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    let (out, err) = output(roundtable(&config).arg("config"), true);
    assert!(
        out.contains("not there") && out.contains("config --example"),
        "{out}"
    );
    assert!(err.is_empty(), "{err}");
    let (path, _) = output(roundtable(&config).args(["config", "--path"]), true);
    assert_eq!(path.trim(), config.display().to_string());
    assert!(!config.exists(), "nothing written");
}

#[test]
fn the_example_is_a_valid_config_and_its_settings_apply() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    let (example, _) = output(roundtable(&config).args(["config", "--example"]), true);
    let archive = tmp.path().join("from-config");
    let text = example.replace(
        "// archive: \"~/roundtable\"",
        &format!("archive: {:?}", archive.display().to_string()),
    );
    fs::write(&config, &text).unwrap();
    let (out, err) = output(roundtable(&config).arg("config"), true);
    assert!(
        out.contains("reads without a problem") && out.contains("high-contrast"),
        "{out}"
    );
    assert!(err.is_empty(), "{err}");
    // The archive it names is used when neither --dir nor the variable says.
    roundtable(&config)
        .args(["new", "--title", "Config archive", "--date", "2026-12-03"])
        .assert()
        .success();
    assert!(fs::read_dir(&archive).unwrap().count() >= 1);
    let (list, _) = output(roundtable(&config).arg("list"), true);
    assert!(list.contains("Config archive"), "{list}");
    // The variable beats the file.
    let elsewhere = tmp.path().join("env");
    fs::create_dir(&elsewhere).unwrap();
    let (list, _) = output(
        roundtable(&config).env("ROUNDTABLE_DIR", &elsewhere).arg("list"),
        true,
    );
    assert!(!list.contains("Config archive"), "{list}");
    assert_eq!(fs::read_to_string(&config).unwrap(), text, "never written over");
}

#[test]
fn the_default_audience_applies_to_minutes_and_the_flag_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    fs::write(&config, "(audience: \"trustees\")").unwrap();
    let dir = tmp.path().join("sessions");
    let mut new = roundtable(&config);
    new.arg("--dir")
        .arg(&dir)
        .args(["new", "--title", "Audience", "--date", "2026-12-03"]);
    new.assert().success();
    let (minutes, _) = output(
        roundtable(&config)
            .arg("--dir")
            .arg(&dir)
            .args(["export", "Audience"]),
        true,
    );
    assert!(minutes.contains("Trustees: the full record"), "{minutes}");
    let (minutes, _) = output(
        roundtable(&config)
            .arg("--dir")
            .arg(&dir)
            .args(["export", "Audience", "--audience", "public"]),
        true,
    );
    assert!(minutes.contains("Public: may be published"), "{minutes}");
}

#[test]
fn a_malformed_config_points_at_the_line_and_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    let text = "(\n    theme: \"light\"\n    audience: \"public\",\n)\n";
    fs::write(&config, text).unwrap();
    let (out, err) = output(roundtable(&config).arg("config"), false);
    assert!(out.contains("1 problem"), "{out}");
    assert!(
        err.contains(&format!(
            "{}:3:5: the file does not read as RON",
            config.display()
        )),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    assert_eq!(fs::read_to_string(&config).unwrap(), text);
    // Other commands still run, on the defaults, and `check` says so too.
    let dir = tmp.path().join("sessions");
    roundtable(&config)
        .arg("--dir")
        .arg(&dir)
        .arg("list")
        .assert()
        .success();
    let (_, err) = output(roundtable(&config).arg("--dir").arg(&dir).arg("check"), true);
    assert!(
        err.contains(&format!("config: {}:3:5:", config.display())),
        "{err}"
    );
}

#[test]
fn unknown_settings_and_actions_are_named_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.ron");
    fs::write(
        &config,
        "(\n  themee: \"light\",\n  keys: {\"session\": {\"nots\": \"N\", \"notes\": \"t\"}},\n)\n",
    )
    .unwrap();
    let (_, err) = output(roundtable(&config).arg("config"), false);
    let file = config.display().to_string();
    assert!(
        err.contains(&format!(
            "{file}:2:3: there is no setting \"themee\" (did you mean \"theme\"?)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:3:22: \"session\" has no action \"nots\" (did you mean \"notes\"?)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file}:3:35: t is already the key for clock")),
        "{err}"
    );
    let (keys, _) = output(roundtable(&config).args(["config", "--keys"]), true);
    assert!(
        keys.contains("\"session\"") && keys.contains("notes") && keys.contains("go_to_step"),
        "{keys}"
    );
}
