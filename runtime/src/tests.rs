//! Runtime-level tests: the composition that wallets, the node and later pallets rely on.

use frame_support::traits::{Get, PalletInfoAccess};
use sp_runtime::BuildStorage;

use crate::*;

/// The full genesis config of preset `name`: its JSON patch merged into the default config.
fn preset_genesis(name: &str) -> RuntimeGenesisConfig {
	let json = genesis_config_presets::get_preset(&name.into()).expect("listed preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, serde_json::from_slice(&json).expect("preset is JSON"));
	serde_json::from_value(config).expect("valid genesis")
}

fn dev_externalities() -> sp_io::TestExternalities {
	let config = preset_genesis(sp_genesis_builder::DEV_RUNTIME_PRESET);
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Recursive merge of a JSON patch (objects merge, anything else replaces).
fn merge(a: &mut serde_json::Value, b: serde_json::Value) {
	use serde_json::Value;
	match (a, b) {
		(Value::Object(a), Value::Object(b)) => {
			for (k, v) in b {
				merge(a.entry(k).or_insert(Value::Null), v);
			}
		},
		(a, b) => *a = b,
	}
}

#[test]
fn presets_build_valid_genesis_works() {
	for name in genesis_config_presets::preset_names() {
		let storage = preset_genesis(&name).build_storage().expect("genesis builds");
		assert!(!storage.top.is_empty());
	}
}

#[test]
fn unknown_preset_fails() {
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn local_testnet_has_two_authorities_works() {
	let v = genesis_config_presets::local_config_genesis();
	assert_eq!(v["aura"]["authorities"].as_array().map(|a| a.len()), Some(2));
	assert_eq!(v["grandpa"]["authorities"].as_array().map(|a| a.len()), Some(2));
	let v = genesis_config_presets::development_config_genesis();
	assert_eq!(v["aura"]["authorities"].as_array().map(|a| a.len()), Some(1));
}

#[test]
fn benchmark_preset_endows_numbered_accounts_works() {
	use sp_keyring::Sr25519Keyring;
	let n = genesis_config_presets::BENCHMARK_ACCOUNTS;
	let numbered = genesis_config_presets::numbered_accounts(n);
	assert_eq!(numbered.len(), n as usize);
	// The accounts are the ones wallets and `Sr25519Keyring::numeric` derive from `//<i>`.
	for i in [0u32, 1, 4_321, n - 1] {
		assert_eq!(numbered[i as usize], Sr25519Keyring::numeric_id(i as usize), "//{i}");
	}
	let distinct: alloc::collections::BTreeSet<_> = numbered.iter().collect();
	assert_eq!(distinct.len(), numbered.len());

	let config = preset_genesis(genesis_config_presets::BENCHMARK_PRESET);
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [&numbered[0], &numbered[(n - 1) as usize]] {
			assert_eq!(Balances::free_balance(who), genesis_config_presets::ENDOWMENT);
			assert_eq!(Balances::voting_power_at(who, 0), genesis_config_presets::ENDOWMENT);
		}
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		// An hour of voting in every class, so a run can cast all its votes on one proposal.
		let general =
			pallet_governance::ClassOf::<Runtime>::get(configs::governance::classes::GENERAL_ROOT)
				.expect("class at genesis");
		assert_eq!(general.voting_period, 600);
	});
}

#[test]
fn pallet_indices_are_fixed_works() {
	// These indices are part of every encoded call, event and storage key: never change them.
	assert_eq!(<System as PalletInfoAccess>::index(), 0);
	assert_eq!(<Timestamp as PalletInfoAccess>::index(), 1);
	assert_eq!(<Aura as PalletInfoAccess>::index(), 2);
	assert_eq!(<Grandpa as PalletInfoAccess>::index(), 3);
	assert_eq!(<Balances as PalletInfoAccess>::index(), 4);
	assert_eq!(<TransactionPayment as PalletInfoAccess>::index(), 5);
	assert_eq!(<Preimage as PalletInfoAccess>::index(), 6);
	assert_eq!(<Scheduler as PalletInfoAccess>::index(), 7);
	assert_eq!(<Governance as PalletInfoAccess>::index(), 8);
	assert_eq!(<Upgrades as PalletInfoAccess>::index(), 9);
}

#[test]
fn token_invariants_hold_after_activity_works() {
	dev_externalities().execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let bob = sp_keyring::Sr25519Keyring::Bob.to_account_id();
		System::set_block_number(2);
		assert!(
			Balances::delegate(RuntimeOrigin::signed(alice.clone()), bob.clone().into()).is_ok()
		);
		assert_eq!(Balances::current_voting_power(&bob), 2 * genesis_config_presets::ENDOWMENT);
		Balances::do_try_state().expect("pallet-token invariants hold");
	});
}

#[test]
fn no_sudo_pallet_works() {
	let metadata = Runtime::metadata_at_version(15).expect("v15 metadata");
	let bytes: &[u8] = &metadata;
	// No pallet is named Sudo: nobody holds Root.
	assert!(!bytes.windows(4).any(|w| w == b"Sudo"));
	assert!(bytes.windows(8).any(|w| w == b"Balances"));
}

#[test]
fn metadata_versions_include_v15_and_v16_works() {
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&14));
	assert!(versions.contains(&15));
	assert!(versions.contains(&16), "versions: {versions:?}");
}

#[test]
fn token_constants_work() {
	assert_eq!(MTC, 10u128.pow(TOKEN_DECIMALS as u32));
	assert_eq!(TOKEN_SYMBOL, "MTC");
	assert_eq!(
		<<Runtime as pallet_token::Config>::ExistentialDeposit as Get<Balance>>::get(),
		EXISTENTIAL_DEPOSIT
	);
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), 42);
}

#[test]
fn development_genesis_endows_accounts_works() {
	dev_externalities().execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(Balances::free_balance(&alice), genesis_config_presets::ENDOWMENT);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert!(Balances::total_issuance() >= 2 * genesis_config_presets::ENDOWMENT);
		// Genesis balances are voting power from block 0 on.
		assert_eq!(Balances::voting_power_at(&alice, 0), genesis_config_presets::ENDOWMENT);
		assert_eq!(Balances::total_supply_at(0), Balances::total_issuance());
	});
}

#[test]
fn transfer_keep_alive_in_runtime_works() {
	dev_externalities().execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let bob = sp_keyring::Sr25519Keyring::Bob.to_account_id();
		let before = Balances::free_balance(&bob);
		assert!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone().into(),
			5 * MTC
		)
		.is_ok());
		assert_eq!(Balances::free_balance(&bob), before + 5 * MTC);
		assert_eq!(Balances::voting_power_at(&bob, 1), before + 5 * MTC);
		assert_eq!(Balances::voting_power_at(&bob, 0), before);
		// Nobody can reach Root with a signed origin (there is no sudo).
		assert!(Balances::force_set_balance(RuntimeOrigin::signed(alice), bob.into(), 0).is_err());
	});
}

#[test]
fn governance_classes_in_genesis_work() {
	use configs::governance::classes::*;
	dev_externalities().execute_with(|| {
		assert_eq!(pallet_governance::ClassOf::<Runtime>::count(), 4);
		let upgrade = pallet_governance::ClassOf::<Runtime>::get(PROTOCOL_UPGRADE).unwrap();
		assert_eq!(upgrade.thresholds.min_approval, TWO_THIRDS);
		assert_eq!(upgrade.thresholds.min_turnout, sp_runtime::Perbill::from_percent(20));
		let parameter = pallet_governance::ClassOf::<Runtime>::get(PARAMETER_CHANGE).unwrap();
		assert_eq!(parameter.thresholds.min_approval, SIMPLE_MAJORITY);
		assert_eq!(parameter.thresholds.min_turnout, sp_runtime::Perbill::from_percent(10));
		// Development pace: a referendum completes in under a minute.
		for (_, class) in pallet_governance::ClassOf::<Runtime>::iter() {
			let blocks = class.voting_period + class.enactment_delay;
			assert!(u64::from(blocks) * MILLI_SECS_PER_BLOCK < 60_000);
		}
	});
	// Production classes fit the voting-power history the token keeps.
	for (_, class) in genesis(Pace::Production) {
		assert!(class.voting_period <= configs::governance::MaxVotingPeriod::get());
	}
	assert!(
		configs::governance::MaxVotingPeriod::get() <= configs::balances::VOTING_HISTORY_WINDOW
	);
}

#[test]
fn calls_map_to_their_classes_works() {
	use configs::governance::{classes::*, ClassifyCall};
	use pallet_governance::ClassifyCall as _;
	let system = |c: frame_system::Call<Runtime>| RuntimeCall::System(c);
	let cases: Vec<(RuntimeCall, pallet_governance::ClassId)> = vec![
		(system(frame_system::Call::set_code { code: vec![] }), PROTOCOL_UPGRADE),
		(system(frame_system::Call::set_code_without_checks { code: vec![] }), PROTOCOL_UPGRADE),
		(
			system(frame_system::Call::authorize_upgrade { code_hash: Default::default() }),
			PROTOCOL_UPGRADE,
		),
		(
			RuntimeCall::Scheduler(pallet_scheduler::Call::cancel { when: 1, index: 0 }),
			PROTOCOL_UPGRADE,
		),
		(
			RuntimeCall::Governance(pallet_governance::Call::set_class {
				class: 0,
				info: genesis(Pace::Production)[0].1.clone(),
			}),
			PROTOCOL_UPGRADE,
		),
		(
			RuntimeCall::Upgrades(pallet_upgrades::Call::schedule_upgrade {
				code_hash: Default::default(),
				activate_at: 10,
				spec_version: 1,
				min_node_version: Default::default(),
				required_readiness: Default::default(),
				readiness_deadline: 10,
			}),
			PROTOCOL_UPGRADE,
		),
		(
			RuntimeCall::Upgrades(pallet_upgrades::Call::cancel_upgrade { activate_at: 10 }),
			PROTOCOL_UPGRADE,
		),
		(RuntimeCall::Governance(pallet_governance::Call::cancel { index: 0 }), CANCELLATION),
		(RuntimeCall::Governance(pallet_governance::Call::kill { index: 0 }), CANCELLATION),
		(system(frame_system::Call::remark_with_event { remark: vec![] }), GENERAL_ROOT),
		(
			RuntimeCall::Balances(pallet_token::Call::force_set_balance {
				who: sp_runtime::MultiAddress::Id(sp_keyring::Sr25519Keyring::Bob.to_account_id()),
				new_free: 1,
			}),
			GENERAL_ROOT,
		),
	];
	for (call, class) in cases {
		assert_eq!(ClassifyCall::required_class(&call), class, "{call:?}");
	}
}

#[test]
fn runtime_code_changes_only_through_upgrades_works() {
	use configs::governance::classes::*;
	use frame_support::traits::UnfilteredDispatchable;
	let class = |class| RuntimeOrigin::from(pallet_governance::Origin::Approved { class });
	dev_externalities().execute_with(|| {
		// Development pace: 2 blocks between scheduling and activation.
		assert_eq!(pallet_upgrades::MinActivationDelay::<Runtime>::get(), 2);
		// The protocol-upgrade class cannot install code directly (no Root)...
		let set_code = RuntimeCall::System(frame_system::Call::set_code { code: vec![1, 2, 3] });
		assert_eq!(
			set_code.clone().dispatch_bypass_filter(class(PROTOCOL_UPGRADE)).map_err(|e| e.error),
			Err(sp_runtime::DispatchError::BadOrigin)
		);
		// ...but it governs `Upgrades`; other classes and Root do not.
		let delay =
			|d| RuntimeCall::Upgrades(pallet_upgrades::Call::set_min_activation_delay { delay: d });
		assert!(delay(5).dispatch_bypass_filter(class(PROTOCOL_UPGRADE)).is_ok());
		assert_eq!(pallet_upgrades::MinActivationDelay::<Runtime>::get(), 5);
		for origin in [class(GENERAL_ROOT), class(PARAMETER_CHANGE), RuntimeOrigin::root()] {
			assert_eq!(
				delay(7).dispatch_bypass_filter(origin).map_err(|e| e.error),
				Err(sp_runtime::DispatchError::BadOrigin)
			);
		}
		// A cancellation proposal may cancel a pending upgrade (none is pending here).
		let cancel =
			RuntimeCall::Upgrades(pallet_upgrades::Call::cancel_upgrade { activate_at: 10 });
		assert_eq!(
			cancel.dispatch_bypass_filter(class(CANCELLATION)).map_err(|e| e.error),
			Err(pallet_upgrades::Error::<Runtime>::NotPending.into())
		);
	});
}

/// The `[section]`s of a manifest, each with its lines (comments and blank lines dropped).
fn manifest_sections(manifest: &str) -> Vec<(String, Vec<String>)> {
	let mut sections: Vec<(String, Vec<String>)> = Vec::new();
	for line in manifest.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
		if line.starts_with('[') && !line.starts_with("[\"") {
			sections.push((line.to_string(), Vec::new()));
		} else if let Some((_, lines)) = sections.last_mut() {
			lines.push(line.to_string());
		}
	}
	sections
}

#[test]
fn next_runtime_manifest_in_step_works() {
	// runtime/next builds this source with `spec_version + 1`: its dependencies and features must
	// be these, so that the upgrade the end-to-end tests install is this runtime.
	let ours = manifest_sections(include_str!("../Cargo.toml"));
	let next = manifest_sections(include_str!("../next/Cargo.toml"));
	let section = |m: &[(String, Vec<String>)], name: &str| {
		m.iter().find(|(n, _)| n == name).map(|(_, l)| l.clone()).expect(name)
	};
	for name in ["[dependencies]", "[build-dependencies]"] {
		assert_eq!(section(&next, name), section(&ours, name), "{name} of runtime/next");
	}
	let features = |m: &[(String, Vec<String>)]| -> Vec<String> {
		section(m, "[features]").into_iter().filter(|l| !l.starts_with("default")).collect()
	};
	assert_eq!(features(&next), features(&ours), "[features] of runtime/next");
	assert!(section(&next, "[features]")
		.contains(&r#"default = ["std", "spec-version-bump", "metadata-hash"]"#.to_string()));
}
