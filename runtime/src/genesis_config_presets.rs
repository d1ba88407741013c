//! Genesis presets: `development` (one authority, Alice), `local_testnet` (Alice and Bob) and
//! `benchmark` (Alice, and [`BENCHMARK_ACCOUNTS`] more endowed accounts for throughput runs).
//!
//! All endow the well-known development accounts and start governance with the runtime's four
//! classes; `development` and `local_testnet` at development pace (a referendum completes in under
//! a minute), `benchmark` with an hour of voting so that a run can cast every vote it measures.
//! There is no sudo key: Root is reachable only through governance.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{
	crypto::{DeriveJunction, Pair as _, DEV_PHRASE},
	sr25519,
};
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::balances::snapshot_period_for,
	configs::governance::classes::{self, Pace},
	configs::upgrades::min_activation_delay,
	AccountId, Balance, BalancesConfig, GovernanceConfig, RuntimeGenesisConfig, UpgradesConfig,
	MTC,
};

/// Balance given to each endowed development account: one million MTC.
pub const ENDOWMENT: Balance = 1_000_000 * MTC;

/// The name of the benchmark preset (`--chain benchmark` of the node).
pub const BENCHMARK_PRESET: &str = "benchmark";

/// How many numbered accounts the benchmark preset endows, besides the development accounts.
pub const BENCHMARK_ACCOUNTS: u32 = 10_000;

/// The token's snapshot period of a chain at `pace`: at production pace, what covers governance's
/// longest voting period (so that any class may be lengthened up to it); at development and
/// benchmark pace, what covers the longest genesis class (so that a proposal counts the freshest
/// snapshot: on the development chains, the block before its submission).
pub fn snapshot_period(pace: Pace) -> crate::BlockNumber {
	let longest = match pace {
		Pace::Production => crate::configs::governance::MaxVotingPeriod::get(),
		_ => classes::genesis(pace).iter().map(|(_, c)| c.voting_period).max().unwrap_or(1),
	};
	snapshot_period_for(longest)
}

/// A genesis with the given authorities (Aura sr25519, GRANDPA ed25519) and endowed accounts.
fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	pace: Pace,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		governance: GovernanceConfig { classes: classes::genesis(pace) },
		upgrades: UpgradesConfig { min_activation_delay: min_activation_delay(pace) },
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
			snapshot_period: snapshot_period(pace),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
	})
}

/// The authority keys of a development keyring member.
fn authority(who: Sr25519Keyring) -> (AuraId, GrandpaId) {
	let ed = match who {
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		_ => Ed25519Keyring::Alice,
	};
	(who.public().into(), ed.public().into())
}

/// The well-known development accounts (Alice ... Ferdie and their stashes).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// The numbered development accounts `//0`, `//1`, ... `//(n - 1)` (the development phrase with
/// one hard junction, the index as a `u64`: what `Sr25519Keyring::numeric_id` and polkadot.js's
/// `keyring.addFromUri('//' + i)` give), derived from the phrase once.
pub fn numbered_accounts(n: u32) -> Vec<AccountId> {
	let Ok(root) = sr25519::Pair::from_string(DEV_PHRASE, None) else {
		frame_support::defensive!("the development phrase is a valid secret");
		return Vec::new();
	};
	(0..n)
		.filter_map(|i| {
			let junction = DeriveJunction::hard(u64::from(i));
			root.derive(core::iter::once(junction), None).ok()
		})
		.map(|(pair, _)| pair.public().into())
		.collect()
}

/// The `development` preset: Alice alone authors and finalizes.
pub fn development_config_genesis() -> Value {
	testnet_genesis(vec![authority(Sr25519Keyring::Alice)], dev_accounts(), Pace::Development)
}

/// The `local_testnet` preset: Alice and Bob author and finalize together.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice), authority(Sr25519Keyring::Bob)],
		dev_accounts(),
		Pace::Development,
	)
}

/// The `benchmark` preset: the `development` chain, plus [`BENCHMARK_ACCOUNTS`] numbered accounts
/// (see [`numbered_accounts`]) endowed like the development accounts, and an hour of voting.
pub fn benchmark_config_genesis() -> Value {
	let mut accounts = dev_accounts();
	accounts.extend(numbered_accounts(BENCHMARK_ACCOUNTS));
	testnet_genesis(vec![authority(Sr25519Keyring::Alice)], accounts, Pace::Benchmark)
}

/// The JSON genesis patch of preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		BENCHMARK_PRESET => benchmark_config_genesis(),
		_ => return None,
	};
	// Serializing a `serde_json::Value` cannot fail.
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(BENCHMARK_PRESET),
	]
}
