//! The `metacert-node` command line, run as a process: chain specs, bad arguments, keys and
//! subcommands that do not start a network.

use std::{
	path::PathBuf,
	process::{Command, Output},
};

fn node() -> Command {
	Command::new(env!("CARGO_BIN_EXE_metacert-node"))
}

fn run(args: &[&str]) -> Output {
	node().args(args).output().expect("metacert-node runs")
}

fn stdout(o: &Output) -> String {
	String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
	String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!("metacert-cli-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

fn spec(chain: &str) -> serde_json::Value {
	let out = run(&["build-spec", "--chain", chain, "--disable-default-bootnode"]);
	assert!(out.status.success(), "build-spec failed: {}", stderr(&out));
	serde_json::from_str(&stdout(&out)).expect("build-spec prints JSON")
}

#[test]
fn dev_chain_spec_has_token_properties_works() {
	let spec = spec("dev");
	assert_eq!(spec["id"], "metacert_dev");
	assert_eq!(spec["chainType"], "Development");
	assert_eq!(spec["properties"]["tokenSymbol"], "MTC");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 42);
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 1);
	assert!(patch.get("sudo").is_none(), "there must be no sudo key");
}

#[test]
fn local_chain_spec_has_two_authorities_works() {
	let spec = spec("local");
	assert_eq!(spec["id"], "metacert_local_testnet");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 2);
	assert_eq!(patch["grandpa"]["authorities"].as_array().unwrap().len(), 2);
}

#[test]
fn benchmark_chain_spec_endows_numbered_accounts_works() {
	let spec = spec("benchmark");
	assert_eq!(spec["id"], "metacert_benchmark");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 1);
	let balances = patch["balances"]["balances"].as_array().unwrap();
	// The development accounts and the numbered accounts //0 ... //9999.
	assert!(balances.len() >= 10_000, "{} endowed accounts", balances.len());
	assert_eq!(patch["governance"]["classes"][0][1]["voting_period"], 600);
}

#[test]
fn raw_chain_spec_works() {
	let out = run(&["build-spec", "--chain", "dev", "--raw", "--disable-default-bootnode"]);
	assert!(out.status.success(), "{}", stderr(&out));
	let spec: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert!(spec["genesis"]["raw"]["top"].as_object().unwrap().len() > 10);
}

#[test]
fn unknown_chain_fails() {
	let dir = temp_dir("unknown-chain");
	let out = node().args(["--chain", "no-such-chain", "--base-path"]).arg(&dir).output().unwrap();
	assert!(!out.status.success());
	let err = stderr(&out);
	assert!(
		err.contains(
			"unknown chain `no-such-chain`: expected `dev`, `local`, `benchmark` or the path"
		),
		"unexpected error: {err}"
	);
	let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn malformed_chain_spec_file_fails() {
	let dir = temp_dir("bad-spec");
	let file = dir.join("spec.json");
	std::fs::write(&file, "{ not json").unwrap();
	let out = node().arg("build-spec").arg("--chain").arg(&file).output().unwrap();
	assert!(!out.status.success());
	assert!(stderr(&out).to_lowercase().contains("error"), "{}", stderr(&out));
	let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unknown_argument_fails() {
	let out = run(&["--no-such-flag"]);
	assert!(!out.status.success());
	assert!(stderr(&out).contains("--no-such-flag"), "{}", stderr(&out));
}

#[test]
fn key_generate_works() {
	let out = run(&["key", "generate", "--output-type", "json"]);
	assert!(out.status.success(), "{}", stderr(&out));
	let key: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(key["secretPhrase"].as_str().unwrap().split(' ').count(), 12);
	assert!(key["ss58Address"].as_str().unwrap().starts_with('5'));
}

#[test]
fn purge_chain_works() {
	let dir = temp_dir("purge");
	let db = dir.join("chains/metacert_dev/paritydb/full");
	std::fs::create_dir_all(&db).unwrap();
	let out =
		node().args(["purge-chain", "--dev", "-y", "--base-path"]).arg(&dir).output().unwrap();
	assert!(out.status.success(), "{}", stderr(&out));
	assert!(!db.exists(), "the database directory is gone");
	let _ = std::fs::remove_dir_all(dir);
}

/// Without the `runtime-benchmarks` feature the node has no benchmark code (nor
/// frame-benchmarking-cli): every `benchmark` subcommand, with any arguments, is refused with the
/// feature to rebuild with.
#[test]
#[cfg(not(feature = "runtime-benchmarks"))]
fn benchmark_without_feature_fails() {
	for args in [
		&["benchmark", "pallet", "--chain", "dev", "--pallet", "*", "--extrinsic", "*"][..],
		&["benchmark", "machine"],
		&["benchmark", "storage", "--dev"],
		&["benchmark"],
	] {
		let out = run(args);
		assert!(!out.status.success(), "{args:?}");
		assert!(stderr(&out).contains("--features runtime-benchmarks"), "{}", stderr(&out));
	}
}
