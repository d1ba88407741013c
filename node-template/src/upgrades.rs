//! What the node does about runtime upgrades (`pallet-upgrades`).
//!
//! On each new best block the node reads the pending upgrades. For each code it has not judged
//! yet it loads the code ([`UpgradesApi::pending_code`]) and checks that it can run it with its
//! own executor and host functions ([`check_code`]: decompression within the bomb limit, every
//! imported host function provided, instantiation and the runtime's version read). It writes the
//! verdict to its offchain storage, where the runtime's offchain worker signals it on chain for
//! each authority key the node holds. A node that cannot run a pending upgrade says exactly why
//! and by which block its operator must upgrade: when it first sees the upgrade, and again as
//! that block nears ([`notice_due`]), never every block.
//!
//! Nothing here stops the node from authoring for any other reason than this one: it really
//! cannot execute the running runtime (an upgrade enough other nodes could run was installed).
//! Then it says so in one line, and [`HaltGate`] keeps Aura from trying (and logging a failure)
//! every slot.

use std::{
	collections::{hash_map::Entry, HashMap, HashSet},
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
};

use codec::Encode;
use futures::StreamExt;
use pallet_upgrades::{runtime_api::UpgradesApi, verdict_key, UpgradeStatus};
use sc_client_api::BlockchainEvents;
use sc_executor::{HostFunctions, RuntimeVersion, RuntimeVersionOf, WasmExecutor};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_core::{
	offchain::OffchainStorage,
	traits::{RuntimeCode, WrappedRuntimeCode},
};
use sp_runtime::{
	traits::{Block as BlockT, Header as _, NumberFor, Saturating},
	SaturatedConversion,
};

/// Log target of the node's upgrade handling.
const LOG_TARGET: &str = "upgrades";

/// Why this node cannot run some runtime code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CannotRun {
	/// The code does not decompress (or decompresses beyond the bomb limit).
	Decompression(String),
	/// The code imports host functions this node does not have (`module:name`).
	MissingHostFunctions(Vec<String>),
	/// The executor could not instantiate the code or read its version.
	Executor(String),
}

impl std::fmt::Display for CannotRun {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Decompression(e) => write!(f, "the code does not decompress: {e}"),
			Self::MissingHostFunctions(names) => {
				write!(f, "this node lacks the host functions {}", names.join(", "))
			},
			Self::Executor(e) => write!(f, "the executor cannot run it: {e}"),
		}
	}
}

/// The function imports of `wasm` that `provided` (names of `env` functions) lacks, as
/// `module:name`; `Err` if the module does not parse.
pub fn missing_imports(wasm: &[u8], provided: &HashSet<&str>) -> Result<Vec<String>, String> {
	let mut missing = Vec::new();
	for payload in wasmparser::Parser::new(0).parse_all(wasm) {
		let payload = payload.map_err(|e| format!("not a wasm module: {e}"))?;
		if let wasmparser::Payload::ImportSection(imports) = payload {
			for import in imports {
				let import = import.map_err(|e| format!("not a wasm module: {e}"))?;
				let is_func = matches!(import.ty, wasmparser::TypeRef::Func(_));
				if is_func && !(import.module == "env" && provided.contains(import.name)) {
					missing.push(format!("{}:{}", import.module, import.name));
				}
			}
		}
	}
	Ok(missing)
}

/// Checks that `executor` (this node's executor, with its host functions `H`) can run `code`
/// (runtime code as stored on chain, maybe compressed); returns its version.
pub fn check_code<H: HostFunctions>(
	executor: &WasmExecutor<H>,
	code: &[u8],
) -> Result<RuntimeVersion, CannotRun> {
	let wasm =
		sp_maybe_compressed_blob::decompress(code, sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT)
			.map_err(|e| CannotRun::Decompression(e.to_string()))?;
	let functions = H::host_functions();
	let provided: HashSet<&str> = functions.iter().map(|f| f.name()).collect();
	let missing = missing_imports(&wasm, &provided).map_err(CannotRun::Executor)?;
	if !missing.is_empty() {
		return Err(CannotRun::MissingHostFunctions(missing));
	}
	let fetch = WrappedRuntimeCode(code.into());
	let hash = sp_io::hashing::blake2_256(code).to_vec();
	let runtime_code = RuntimeCode { code_fetcher: &fetch, heap_pages: None, hash };
	let mut ext = sp_state_machine::BasicExternalities::default();
	executor
		.runtime_version(&mut ext, &runtime_code)
		.map_err(|e| CannotRun::Executor(e.to_string()))
}

/// Blocks before an upgrade's activation at which a node that cannot run it warns again.
pub const NOTICE_BLOCKS: [u32; 4] = [600, 100, 10, 1];

/// Whether to warn about an upgrade this node cannot run, `remaining` blocks before its
/// activation, given the fewest blocks before it at which it warned so far (`None`: never).
/// It warns when it first sees it, then once each time `remaining` reaches a mark of
/// [`NOTICE_BLOCKS`] it has not warned at yet.
pub fn notice_due(remaining: u32, last: Option<u32>) -> bool {
	match last {
		None => true,
		Some(last) => NOTICE_BLOCKS.iter().any(|&mark| remaining <= mark && mark < last),
	}
}

/// What the node knows about one pending code.
struct Judged {
	/// Whether it can run it, and why not.
	verdict: Result<RuntimeVersion, CannotRun>,
	/// The fewest blocks before activation at which it warned (for codes it cannot run).
	noticed: Option<u32>,
}

/// The sync oracle Aura authors with: the network's, but "syncing" while this node cannot execute
/// the running runtime (Aura then skips its slots quietly instead of failing in each).
#[derive(Clone)]
pub struct HaltGate<O> {
	inner: O,
	halted: Arc<AtomicBool>,
}

impl<O> HaltGate<O> {
	/// Gates `inner`; [`watch`] sets `halted`.
	pub fn new(inner: O, halted: Arc<AtomicBool>) -> Self {
		Self { inner, halted }
	}
}

impl<O: sp_consensus::SyncOracle> sp_consensus::SyncOracle for HaltGate<O> {
	fn is_major_syncing(&self) -> bool {
		self.halted.load(Ordering::Relaxed) || self.inner.is_major_syncing()
	}

	fn is_offline(&self) -> bool {
		self.inner.is_offline()
	}
}

/// Follows new best blocks: judges every pending upgrade's code with `executor` (the node's own
/// executor), writes the verdicts to `storage` (the node's offchain storage) where the
/// runtime's offchain worker signals them, and tells the operator what they mean for this node.
/// Sets `halted` while the node cannot execute the runtime of its best block. Checking code
/// compiles it, which takes seconds: run this on a blocking task.
pub async fn watch<B, C, S, H, AuthorityId>(
	client: Arc<C>,
	mut storage: Option<S>,
	executor: WasmExecutor<H>,
	halted: Arc<AtomicBool>,
) where
	B: BlockT,
	C: ProvideRuntimeApi<B> + BlockchainEvents<B> + Send + Sync + 'static,
	C::Api: UpgradesApi<B, B::Hash, NumberFor<B>, AuthorityId>,
	S: OffchainStorage,
	H: HostFunctions,
	AuthorityId: codec::Codec,
{
	if storage.is_none() {
		log::warn!(
			target: LOG_TARGET,
			"no offchain storage: this node cannot signal its readiness for runtime upgrades"
		);
	}
	let mut blocks =
		client.import_notification_stream().filter(|n| futures::future::ready(n.is_new_best));
	let mut judged: HashMap<B::Hash, Judged> = HashMap::new();
	let mut pending: Vec<UpgradeStatus<B::Hash, NumberFor<B>>> = Vec::new();
	while let Some(block) = blocks.next().await {
		let (at, number) = (block.hash, *block.header.number());
		let api = client.runtime_api();
		let version = match api
			.api_version::<dyn UpgradesApi<B, B::Hash, NumberFor<B>, AuthorityId>>(at)
		{
			Ok(version) => {
				if halted.swap(false, Ordering::Relaxed) {
					log::info!(target: LOG_TARGET, "At block #{number}: this node executes the running runtime again");
				}
				version
			},
			Err(e) => {
				if !halted.swap(true, Ordering::Relaxed) {
					let reason =
						running_reason(&pending, &judged, number).unwrap_or_else(|| e.to_string());
					log::error!(target: LOG_TARGET, "{}", halt_message(number, &reason));
				}
				continue;
			},
		};
		// Runtimes before readiness per code (API version 2) have nothing to signal.
		if version.is_none_or(|v| v < 2) {
			continue;
		}
		let Ok(now_pending) = api.pending_upgrades(at) else { continue };
		pending = now_pending;
		judged.retain(|hash, _| pending.iter().any(|s| s.upgrade.code_hash == *hash));
		for status in &pending {
			let upgrade = &status.upgrade;
			let hash = upgrade.code_hash;
			if let Entry::Vacant(slot) = judged.entry(hash) {
				let Ok(Some(code)) = api.pending_code(at, hash) else { continue };
				let verdict = check_code(&executor, &code);
				if let Some(storage) = storage.as_mut() {
					let key = verdict_key(&hash);
					storage.set(sp_core::offchain::STORAGE_PREFIX, &key, &verdict.is_ok().encode());
				}
				if let Ok(runtime) = &verdict {
					log::info!(
						target: LOG_TARGET,
						"✅ This node can run the runtime upgrade scheduled for block #{} (code \
						 {hash:?}, {} spec_version {}): signalling that it is ready",
						upgrade.activate_at,
						runtime.spec_name,
						runtime.spec_version,
					);
				}
				slot.insert(Judged { verdict, noticed: None });
			}
			let Some(entry) = judged.get_mut(&hash) else { continue };
			let Err(reason) = &entry.verdict else { continue };
			let remaining: u32 = upgrade.activate_at.saturating_sub(number).saturated_into();
			if notice_due(remaining, entry.noticed) {
				entry.noticed = Some(remaining);
				log::error!(
					target: LOG_TARGET,
					"❌ This node cannot run the runtime upgrade scheduled for block #{} (code \
					 {hash:?}, spec_version {}), {remaining} block(s) from now: {reason}. Upgrade \
					 the node software before block #{}: if the upgrade is installed, this node \
					 can no longer follow the chain. Until then it signals that it cannot run it.",
					upgrade.activate_at,
					upgrade.spec_version,
					upgrade.activate_at,
				);
			}
		}
	}
}

/// Why this node cannot run the runtime of block `number`: the reason it found for an upgrade
/// due by then, if it judged one it cannot run.
fn running_reason<Hash: Eq + std::hash::Hash, N: PartialOrd + Copy>(
	pending: &[UpgradeStatus<Hash, N>],
	judged: &HashMap<Hash, Judged>,
	number: N,
) -> Option<String> {
	pending.iter().filter(|s| s.upgrade.activate_at <= number).find_map(|s| {
		match judged.get(&s.upgrade.code_hash).map(|j| &j.verdict) {
			Some(Err(reason)) => Some(reason.to_string()),
			_ => None,
		}
	})
}

/// The one line a node says when it cannot execute the running runtime.
pub fn halt_message(number: impl std::fmt::Display, reason: &str) -> String {
	format!(
		"❌ At block #{number}: this node cannot execute the running runtime ({reason}); it \
		 cannot import or author blocks of this chain until its operator upgrades the node \
		 software"
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	type Executor = WasmExecutor<sp_io::SubstrateHostFunctions>;

	fn executor() -> Executor {
		WasmExecutor::builder().build()
	}

	/// A host function no node has.
	const MISSING_FUNCTION: &str = "ext_metacert_missing_version_1";

	/// Where the end-to-end tests find [`missing_host_function`] (run the tests with
	/// `METACERT_WRITE_FIXTURES=1` to write it).
	const FIXTURE: &str =
		concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/e2e/fixtures/missing-host-function.wasm");

	/// "Runtime code" of this chain, far ahead in spec_version, that imports [`MISSING_FUNCTION`].
	fn missing_host_function() -> Vec<u8> {
		let version = RuntimeVersion {
			spec_name: metacert_runtime::VERSION.spec_name,
			spec_version: 1_000_000,
			..Default::default()
		};
		pallet_upgrades::code::module_importing(&[("env", MISSING_FUNCTION)], &version)
	}

	/// Compressed code that expands one byte beyond the bomb limit (two zstd frames).
	fn bomb() -> Vec<u8> {
		let limit = sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;
		let first = sp_maybe_compressed_blob::compress_weakly(&vec![0u8; limit], limit)
			.expect("within the limit");
		let second =
			sp_maybe_compressed_blob::compress_weakly(&[0u8], limit).expect("within the limit");
		// Both start with the 8-byte prefix that marks compressed code; the second frame follows
		// the first without it.
		let mut bomb = first;
		bomb.extend_from_slice(&second[8..]);
		assert!(bomb.len() < 100_000, "a small blob");
		bomb
	}

	#[test]
	fn notice_due_works() {
		// (remaining, blocks before activation at the last warning, warn)
		let table = [
			(5000, None, true),
			(500, None, true),
			(4999, Some(5000), false),
			(700, Some(5000), false),
			(600, Some(5000), true),
			(500, Some(500), false),
			(101, Some(500), false),
			(100, Some(500), true),
			(99, Some(100), false),
			(10, Some(99), true),
			(10, Some(10), false),
			(2, Some(10), false),
			(1, Some(10), true),
			(0, Some(10), true),
			(0, Some(1), false),
			(0, Some(0), false),
		];
		for (remaining, last, due) in table {
			assert_eq!(notice_due(remaining, last), due, "{remaining} after {last:?}");
		}
	}

	#[test]
	fn check_code_of_the_runtime_works() {
		let code = metacert_runtime::WASM_BINARY.expect("the runtime's wasm is built");
		let version = check_code(&executor(), code).expect("this node runs its own runtime");
		assert_eq!(version.spec_name, metacert_runtime::VERSION.spec_name);
		assert_eq!(version.spec_version, metacert_runtime::VERSION.spec_version);
	}

	#[test]
	fn check_code_of_a_missing_host_function_fails() {
		let code = missing_host_function();
		assert_eq!(
			check_code(&executor(), &code),
			Err(CannotRun::MissingHostFunctions(vec![format!("env:{MISSING_FUNCTION}")]))
		);
		// The committed fixture the end-to-end tests schedule is this module.
		if std::env::var_os("METACERT_WRITE_FIXTURES").is_some() {
			std::fs::write(FIXTURE, &code).expect("the fixture is writable");
		}
		let fixture = std::fs::read(FIXTURE).expect("the fixture exists");
		assert_eq!(fixture, code, "rerun with METACERT_WRITE_FIXTURES=1 to update {FIXTURE}");
	}

	#[test]
	fn check_code_of_a_bomb_fails() {
		let bomb = bomb();
		assert!(
			matches!(check_code(&executor(), &bomb), Err(CannotRun::Decompression(_))),
			"a bomb is refused before it is expanded"
		);
	}

	#[test]
	fn check_code_of_garbage_fails() {
		for code in [&b"not wasm at all"[..], b"\0asm\x01\0\0\0", b""] {
			assert!(
				matches!(check_code(&executor(), code), Err(CannotRun::Executor(_))),
				"{code:?}"
			);
		}
	}

	#[test]
	fn missing_imports_works() {
		let provided: HashSet<&str> = ["ext_a_version_1"].into_iter().collect();
		let imports = [("env", "ext_a_version_1"), ("env", "ext_b_version_1"), ("other", "f")];
		let code = pallet_upgrades::code::module_importing(&imports, &Default::default());
		assert_eq!(
			missing_imports(&code, &provided),
			Ok(vec!["env:ext_b_version_1".to_string(), "other:f".to_string()])
		);
		assert!(missing_imports(b"\0asm\x01\0\0\0\x02\xff", &provided).is_err());
	}

	#[test]
	fn halt_gate_works() {
		use sp_consensus::SyncOracle;
		let halted = Arc::new(AtomicBool::new(false));
		let gate = HaltGate::new(sp_consensus::NoNetwork, halted.clone());
		assert!(!gate.is_major_syncing());
		halted.store(true, Ordering::Relaxed);
		assert!(gate.is_major_syncing(), "Aura skips its slots");
		assert!(!gate.is_offline());
	}

	#[test]
	fn running_reason_works() {
		let status = |hash: u8, at: u32| UpgradeStatus {
			upgrade: pallet_upgrades::PendingUpgrade {
				code_hash: hash,
				code_len: 1,
				activate_at: at,
				spec_version: 1,
				required_readiness: Default::default(),
				allow_below_finality: false,
				readiness_deadline: at,
			},
			readiness: Default::default(),
			ready: true,
		};
		let mut judged = HashMap::new();
		judged.insert(
			1u8,
			Judged { verdict: Err(CannotRun::Executor("boom".into())), noticed: None },
		);
		judged.insert(2u8, Judged { verdict: Ok(Default::default()), noticed: None });
		let pending = [status(2, 5), status(1, 10)];
		assert_eq!(running_reason(&pending, &judged, 9), None);
		assert_eq!(
			running_reason(&pending, &judged, 10).as_deref(),
			Some("the executor cannot run it: boom")
		);
	}
}
