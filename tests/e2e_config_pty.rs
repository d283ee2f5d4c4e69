#![allow(clippy::unwrap_used)]
//! The config file on the real binary in a pseudo-terminal: a bad one
//! still opens the app, which says what is wrong and where on the home
//! screen, and the parts that read apply (here, a key).

mod pty;

#[test]
fn a_bad_config_is_named_on_the_home_screen_and_the_good_parts_apply() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    let config = tmp.path().join("config.ron");
    let text = "(\n  theme: \"neon\",\n  keys: {\"home\": {\"new\": \"c\"}},\n)\n";
    std::fs::write(&config, text).unwrap();
    let mut app = pty::App::start_with(&dir, 100, 30, |cmd| {
        cmd.env("ROUNDTABLE_CONFIG", &config)
            .env("ROUNDTABLE_STATE_DIR", tmp.path().join("state"));
    });
    app.wait_for("config.ron:2:3: \"neon\" is not a theme");
    app.wait_for("Press c to start your first session");
    app.send("c");
    app.wait_for("New session");
    app.send("\x1b");
    app.wait_for("Welcome to Roundtable");
    app.send("q");
    assert!(app.wait_for_exit());
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text, "never written");
}

#[test]
fn the_config_theme_applies_and_the_variable_and_flag_win() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    let config = tmp.path().join("config.ron");
    std::fs::write(&config, "(theme: \"light\")").unwrap();
    let start = |args: &[&str], env_theme: Option<&str>| {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (config, state) = (config.clone(), tmp.path().join("state"));
        let env_theme = env_theme.map(str::to_string);
        pty::App::start_with(&dir, 100, 30, move |cmd| {
            cmd.args(&args)
                .env_remove("NO_COLOR")
                .env_remove("ROUNDTABLE_THEME")
                .env("ROUNDTABLE_CONFIG", &config)
                .env("ROUNDTABLE_STATE_DIR", &state);
            if let Some(theme) = &env_theme {
                cmd.env("ROUNDTABLE_THEME", theme);
            }
        })
    };
    // The title's colour, at the start of the header line.
    let title = |app: &pty::App| app.screen().cell(0, 1).unwrap().fgcolor();
    for (args, env, colour, why) in [
        (&[][..], None, vt100::Color::Idx(24), "light, from the config"),
        (&[][..], Some("dark"), vt100::Color::Idx(6), "the variable wins"),
        (
            &["--theme", "dark"][..],
            None,
            vt100::Color::Idx(6),
            "the flag wins",
        ),
    ] {
        let mut app = start(args, env);
        app.wait_for("Welcome to Roundtable");
        assert_eq!(title(&app), colour, "{why}");
        app.send("q");
        assert!(app.wait_for_exit());
    }
}
