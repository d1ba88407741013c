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
			assert_eq!(Balances::voting_power_at(who, 0), Some(genesis_config_presets::ENDOWMENT));
		}
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		// An hour of voting in every class, so a run can cast all its votes on one proposal.
		let general =
			pallet_governance::ClassOf::<Runtime>::get(configs::governance::classes::ROOT)
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
	assert_eq!(<Parameters as PalletInfoAccess>::index(), 10);
}

#[test]
fn token_invariants_hold_after_activity_works() {
	dev_externalities().execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let bob = sp_keyring::Sr25519Keyring::Bob.to_account_id();
		System::set_block_number(2);
		assert!(Balances::delegate(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone().into(),
			genesis_config_presets::ENDOWMENT
		)
		.is_ok());
		assert_eq!(Balances::current_voting_power(&bob), 2 * genesis_config_presets::ENDOWMENT);
		Balances::do_try_state().expect("pallet-token invariants hold");
	});
}

/// Activation of code whose version only the real executor can tell: a module without a version
/// section (the executor instantiates it and calls `Core_version`) and a compression bomb (one
/// byte beyond the executor's limit). Both are refused (`NotARuntime`), the running runtime
/// stays, and the attempt is charged a full block.
#[test]
fn activation_of_a_bomb_or_a_module_without_version_fails() {
	use frame_support::traits::{Hooks, QueryPreimage, StorePreimage};
	let limit = sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;
	let first = sp_maybe_compressed_blob::compress_weakly(&vec![0u8; limit], limit).expect("fits");
	let second = sp_maybe_compressed_blob::compress_weakly(&[0u8], limit).expect("fits");
	// Two zstd frames: the second after the first, without the 8-byte prefix.
	let bomb = [first, second[8..].to_vec()].concat();
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	for (what, code) in [("no version section", b"\0asm\x01\0\0\0".to_vec()), ("bomb", bomb)] {
		let mut ext = dev_externalities();
		ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(executor.clone()));
		ext.execute_with(|| {
			let running = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
			let code_hash = Preimage::note(code.clone().into()).expect("noted");
			Preimage::request(&code_hash);
			let at = 5;
			pallet_upgrades::PendingUpgrades::<Runtime>::put(
				frame_support::BoundedVec::truncate_from(vec![pallet_upgrades::PendingUpgrade {
					code_hash,
					code_len: code.len() as u32,
					activate_at: at,
					spec_version: VERSION.spec_version + 1,
					required_readiness: Default::default(),
					allow_below_finality: false,
					readiness_deadline: at,
				}]),
			);
			// Every authority says it can run it (as a lying node would).
			for authority in pallet_aura::Authorities::<Runtime>::get() {
				pallet_upgrades::ReadinessOf::<Runtime>::insert(
					code_hash,
					authority,
					pallet_upgrades::Signal { can_run: true, at: 1 },
				);
			}
			System::set_block_number(at);
			let weight = Upgrades::on_initialize(at);
			let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
			assert_eq!(weight, max, "{what}: charged a full block");
			let failed = System::events().into_iter().rev().find_map(|r| match r.event {
				RuntimeEvent::Upgrades(pallet_upgrades::Event::UpgradeFailed {
					reason, ..
				}) => Some(reason),
				_ => None,
			});
			assert_eq!(failed, Some(pallet_upgrades::FailureReason::NotARuntime), "{what}");
			assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE), running);
		});
	}
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
		assert_eq!(Balances::voting_power_at(&alice, 0), Some(genesis_config_presets::ENDOWMENT));
		assert_eq!(Balances::total_supply_at(0), Some(Balances::total_issuance()));
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
		// The development chain takes a snapshot at the end of every block.
		assert_eq!(Balances::voting_power_at(&bob, 0), Some(before));
		System::set_block_number(System::block_number() + 1);
		let snapshot = System::block_number() - 1;
		assert_eq!(Balances::voting_power_at(&bob, snapshot), Some(before + 5 * MTC));
		assert_eq!(Balances::voting_power_at(&bob, 0), Some(before));
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
	// Every pace: the token keeps a proposal's snapshot readable for the longest voting period
	// (with the period the presets and the migration choose), and that is within the
	// governance bound.
	for pace in [Pace::Production, Pace::Development, Pace::Benchmark] {
		let classes = genesis(pace);
		let longest = classes.iter().map(|(_, c)| c.voting_period).max().unwrap();
		let period = genesis_config_presets::snapshot_period(pace);
		let schedule =
			pallet_token::Schedule { first: 0, period, max: configs::balances::MAX_SNAPSHOTS };
		assert!(longest <= schedule.longest_voting_period());
		assert!(longest <= configs::governance::MaxVotingPeriod::get());
	}
	// At production pace a snapshot is at most 2 days old and a class may vote up to 28 days.
	assert_eq!(genesis_config_presets::snapshot_period(Pace::Production), 2 * DAYS);
	assert_eq!(
		configs::governance::MaxVotingPeriod::get(),
		14 * genesis_config_presets::snapshot_period(Pace::Production)
	);
}

#[test]
fn calls_map_to_their_classes_works() {
	use configs::governance::{classes::*, ClassifyCall};
	use pallet_governance::ClassifyCall as _;
	let system = |c: frame_system::Call<Runtime>| RuntimeCall::System(c);
	let cases: Vec<(RuntimeCall, Option<pallet_governance::ClassId>)> = vec![
		(system(frame_system::Call::set_code { code: vec![] }), None),
		(system(frame_system::Call::set_code_without_checks { code: vec![] }), None),
		(system(frame_system::Call::authorize_upgrade { code_hash: Default::default() }), None),
		(RuntimeCall::Scheduler(pallet_scheduler::Call::cancel { when: 1, index: 0 }), None),
		(
			RuntimeCall::Governance(pallet_governance::Call::set_class {
				class: 0,
				info: genesis(Pace::Production)[0].1.clone(),
			}),
			Some(PROTOCOL_UPGRADE),
		),
		(
			RuntimeCall::Upgrades(pallet_upgrades::Call::schedule_upgrade {
				code_hash: Default::default(),
				activate_at: 10,
				spec_version: 1,
				required_readiness: Default::default(),
				allow_below_finality: false,
				readiness_deadline: 10,
			}),
			Some(PROTOCOL_UPGRADE),
		),
		(
			RuntimeCall::Upgrades(pallet_upgrades::Call::cancel_upgrade { activate_at: 10 }),
			Some(CANCELLATION),
		),
		(RuntimeCall::Governance(pallet_governance::Call::cancel { index: 0 }), Some(CANCELLATION)),
		(RuntimeCall::Governance(pallet_governance::Call::kill { index: 0 }), Some(CANCELLATION)),
		(system(frame_system::Call::remark_with_event { remark: vec![] }), Some(ROOT)),
		(
			RuntimeCall::Balances(pallet_token::Call::force_set_balance {
				who: sp_runtime::MultiAddress::Id(sp_keyring::Sr25519Keyring::Bob.to_account_id()),
				new_free: 1,
			}),
			Some(ROOT),
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
		for origin in [class(ROOT), class(PARAMETER_CHANGE), RuntimeOrigin::root()] {
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
	// Without `metadata-hash`: the upgrade target is built in one pass (see runtime/next/build.rs).
	assert!(section(&next, "[features]")
		.contains(&r#"default = ["std", "spec-version-bump"]"#.to_string()));
}

/// The minimal SCALE encoding of type `id` of `registry`: zero numbers, empty sequences, the
/// first variant of every enum (`None` for an enum without variants: no value exists).
fn minimal_encoding(
	registry: &scale_info::PortableRegistry,
	id: u32,
	out: &mut Vec<u8>,
) -> Option<()> {
	use scale_info::{TypeDef, TypeDefPrimitive as P};
	let ty = registry.resolve(id).expect("a type of the registry");
	match &ty.type_def {
		TypeDef::Composite(c) => {
			for f in &c.fields {
				minimal_encoding(registry, f.ty.id, out)?;
			}
		},
		TypeDef::Variant(v) => {
			let first = v.variants.iter().min_by_key(|v| v.index)?;
			out.push(first.index);
			for f in &first.fields {
				minimal_encoding(registry, f.ty.id, out)?;
			}
		},
		TypeDef::Sequence(_) | TypeDef::Compact(_) | TypeDef::BitSequence(_) => out.push(0),
		TypeDef::Array(a) => {
			for _ in 0..a.len {
				minimal_encoding(registry, a.type_param.id, out)?;
			}
		},
		TypeDef::Tuple(t) => {
			for f in &t.fields {
				minimal_encoding(registry, f.id, out)?;
			}
		},
		TypeDef::Primitive(p) => {
			let len = match p {
				P::Bool | P::U8 | P::I8 | P::Str => 1,
				P::U16 | P::I16 => 2,
				P::U32 | P::I32 | P::Char => 4,
				P::U64 | P::I64 => 8,
				P::U128 | P::I128 => 16,
				P::U256 | P::I256 => 32,
			};
			out.extend(core::iter::repeat_n(0, len));
		},
	}
	Some(())
}

/// Every call of every pallet of the runtime (from the `RuntimeCall` type the metadata
/// describes), as `(pallet, call, a value of it)`.
fn every_call() -> Vec<(String, String, RuntimeCall)> {
	use codec::Decode;
	use scale_info::{MetaType, TypeDef};
	let mut registry = scale_info::Registry::new();
	let root = registry.register_type(&MetaType::new::<RuntimeCall>()).id;
	let registry: scale_info::PortableRegistry = registry.into();
	let TypeDef::Variant(pallets) = &registry.resolve(root).expect("RuntimeCall").type_def else {
		panic!("RuntimeCall is an enum of pallets");
	};
	let mut calls = Vec::new();
	for pallet in &pallets.variants {
		let call_type = pallet.fields[0].ty.id;
		let TypeDef::Variant(pallet_calls) = &registry.resolve(call_type).expect("Call").type_def
		else {
			panic!("a pallet's Call is an enum");
		};
		for call in &pallet_calls.variants {
			let mut bytes = vec![pallet.index, call.index];
			let encoded: Option<Vec<()>> = call
				.fields
				.iter()
				.map(|f| minimal_encoding(&registry, f.ty.id, &mut bytes))
				.collect();
			if encoded.is_none() {
				// An argument of a type without values (an empty enum): no such call can exist.
				continue;
			}
			let value = RuntimeCall::decode(&mut &bytes[..])
				.unwrap_or_else(|e| panic!("{}::{} decodes: {e:?}", pallet.name, call.name));
			calls.push((pallet.name.to_string(), call.name.to_string(), value));
		}
	}
	calls
}

/// Class boundaries, checked by enumeration: every call of every pallet is either refused
/// outright or needs a class at least as strict as protocol upgrade, except the calls listed
/// here for the weaker classes; and the origin of each weaker class is accepted only by the
/// calls listed for it (and by calls that accept any origin and do nothing). A new pallet or
/// call lands in the strictest class until it is listed, and this test lists it for review.
#[test]
fn every_call_respects_class_boundaries_works() {
	use configs::governance::{classes::*, ClassifyCall};
	use frame_support::traits::UnfilteredDispatchable;
	use pallet_governance::ClassifyCall as _;
	// The calls the weaker classes may carry.
	let weak: &[(&str, &str, pallet_governance::ClassId)] = &[
		("Governance", "cancel", CANCELLATION),
		("Governance", "kill", CANCELLATION),
		("Upgrades", "cancel_upgrade", CANCELLATION),
		("Parameters", "set_parameter", PARAMETER_CHANGE),
	];
	// Calls no proposal may carry: raw code and storage writes, another proposal's early
	// enactment, another proposal's preimage, calls carrying calls.
	let refused: &[(&str, &str)] = &[
		("System", "set_code"),
		("System", "set_code_without_checks"),
		("System", "authorize_upgrade"),
		("System", "authorize_upgrade_without_checks"),
		("System", "apply_authorized_upgrade"),
		("System", "set_storage"),
		("System", "kill_storage"),
		("System", "kill_prefix"),
		("System", "set_heap_pages"),
		("Governance", "enact"),
		("Preimage", "unrequest_preimage"),
		("Preimage", "unnote_preimage"),
	];
	// Calls that accept any origin and change nothing.
	let any_origin: &[(&str, &str)] = &[("System", "remark")];

	dev_externalities().execute_with(|| {
		let rule = |id| pallet_governance::ClassOf::<Runtime>::get(id).expect("class").thresholds;
		let upgrade = rule(PROTOCOL_UPGRADE);
		let weak_classes: Vec<_> = pallet_governance::ClassOf::<Runtime>::iter()
			.filter(|(_, c)| !c.thresholds.at_least_as_strict_as(&upgrade))
			.map(|(id, _)| id)
			.collect();
		assert_eq!(weak_classes.len(), 2, "parameter change and cancellation: {weak_classes:?}");
		// Root only through a class at least as strict as protocol upgrade.
		for (id, class) in pallet_governance::ClassOf::<Runtime>::iter() {
			if class.origin == pallet_governance::DispatchOrigin::Root {
				assert!(class.thresholds.at_least_as_strict_as(&upgrade), "class {id}");
			}
		}

		let calls = every_call();
		assert!(calls.len() > 40, "every pallet's calls: {}", calls.len());
		for (pallet, name, call) in &calls {
			let key = (pallet.as_str(), name.as_str());
			let listed = weak.iter().find(|(p, c, _)| (*p, *c) == key).map(|(_, _, class)| *class);
			let required = ClassifyCall::required_class(call);
			match required {
				None => assert!(
					refused.contains(&key) || pallet == "Scheduler",
					"{pallet}::{name} is refused but not listed as refused"
				),
				Some(class) if weak_classes.contains(&class) => {
					assert_eq!(listed, Some(class), "{pallet}::{name} is in weak class {class}")
				},
				Some(class) => {
					assert!(rule(class).at_least_as_strict_as(&upgrade), "{pallet}::{name}");
					assert_eq!(listed, None, "{pallet}::{name} is listed for a weak class");
				},
			}
			if refused.contains(&key) || pallet == "Scheduler" {
				assert_eq!(required, None, "{pallet}::{name} must be refused");
			}
			// The weak classes' origins reach only the calls listed for them.
			for class in &weak_classes {
				let origin =
					RuntimeOrigin::from(pallet_governance::Origin::Approved { class: *class });
				let result = frame_support::storage::with_transaction(|| {
					let r = call.clone().dispatch_bypass_filter(origin).map_err(|e| e.error);
					sp_runtime::TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(r))
				})
				.expect("rolled back");
				let accepted = result != Err(sp_runtime::DispatchError::BadOrigin);
				// (A refused call is never dispatched by a proposal, whatever it accepts.)
				if accepted && required.is_some() && !any_origin.contains(&key) {
					assert_eq!(
						listed,
						Some(*class),
						"{pallet}::{name} accepts the origin of class {class} ({result:?})"
					);
				}
			}
		}
		// Every listed call exists (a rename would otherwise silently drop it from the lists).
		for (pallet, name) in
			weak.iter().map(|(p, c, _)| (p, c)).chain(refused.iter().map(|(p, c)| (p, c)))
		{
			assert!(
				calls.iter().any(|(p, c, _)| p == pallet && c == name),
				"{pallet}::{name} is not a call of the runtime"
			);
		}
	});
}

#[test]
fn heaviest_proposal_call_fits_the_scheduler_works() {
	use pallet_governance::WeightInfo as _;
	use pallet_scheduler::WeightInfo as _;
	type S = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	let max_scheduled = <Runtime as pallet_scheduler::Config>::MaxScheduledPerBlock::get();
	// What the scheduler spends on a block's agenda and on one named task, plus `enact` and the
	// heaviest call a proposal may carry.
	let needed = S::service_agendas_base()
		.saturating_add(S::service_agenda_base(max_scheduled))
		.saturating_add(S::service_task_base())
		.saturating_add(S::service_task_named())
		.saturating_add(S::service_task_fetched(u32::from(u16::MAX)))
		.saturating_add(pallet_governance::weights::SubstrateWeight::<Runtime>::enact())
		.saturating_add(configs::governance::MaxCallWeight::get());
	let available = <Runtime as pallet_scheduler::Config>::MaximumWeight::get();
	assert!(needed.all_lte(available), "{needed:?} > {available:?}");
}

#[test]
fn feeless_votes_take_a_bounded_share_of_a_block_works() {
	use pallet_governance::WeightInfo as _;
	let one = pallet_governance::weights::SubstrateWeight::<Runtime>::vote_by_signature();
	let block = configs::RuntimeBlockWeights::get().max_block;
	let share = |cap: u32| {
		let all = one.saturating_mul(cap.into());
		let share = sp_runtime::Perbill::from_rational(all.ref_time(), block.ref_time());
		println!("{cap} fee-less votes: {all:?} of {block:?} ({share:?})");
		share
	};
	// The README's threat model: at genesis (80 per block) under 2.5% of a block, and at most 5%
	// whatever a parameter-change proposal sets (the getter clamps to 160).
	sp_io::TestExternalities::default().execute_with(|| {
		let genesis = configs::parameters::MaxFeelessVotesPerBlock::get();
		assert_eq!(genesis, 80);
		assert!(share(genesis) <= sp_runtime::Perbill::from_rational(25u32, 1000));
	});
	let most = configs::parameters::FEELESS_PER_BLOCK_RANGE.1;
	assert!(share(most) <= sp_runtime::Perbill::from_percent(5));
	// Paid transactions always rank above them.
	assert_eq!(configs::governance::FeelessVotePriority::get(), 0);
}

/// The token's migration to snapshots touches every account once, in the upgrade block: the
/// number of accounts the README states (20,000) fits in one block, by the weight the migration
/// itself returns (ParityDB's read and write per account).
#[test]
fn token_migration_of_20_000_accounts_fits_a_block_works() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	use pallet_token::migrations::v0;
	const ACCOUNTS: u32 = 20_000;
	dev_externalities().execute_with(|| {
		for i in 0..ACCOUNTS {
			let who = AccountId::from(sp_io::hashing::blake2_256(&i.to_le_bytes()));
			frame_system::Account::<Runtime>::mutate(&who, |info| {
				info.providers = 1;
				info.data.free = EXISTENTIAL_DEPOSIT;
			});
		}
		let keys: Vec<_> = frame_system::Account::<Runtime>::iter_keys().collect();
		for who in &keys {
			v0::rewrite_as_v0::<Runtime>(who);
		}
		let accounts = frame_system::Account::<Runtime>::iter_keys().count() as u64;
		assert!(accounts >= ACCOUNTS as u64);
		StorageVersion::new(0).put::<Balances>();
		let weight = configs::balances::migration::MigrateToSnapshots::on_runtime_upgrade();
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		assert!(weight.all_gte(db.reads_writes(accounts, accounts)), "one read and write each");
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lte(max), "{weight:?} does not fit in {max:?}");
		assert_eq!(frame_system::Account::<Runtime>::iter().count() as u64, accounts);
	});
}

/// A fingerprint of the SCALE layout of type `id`: its shape (composites, variants with their
/// indices, sequences, arrays, tuples, primitives, compacts, bit sequences), without names, paths
/// or docs, so that only a change of what the bytes mean changes it.
fn layout_shape(
	registry: &scale_info::PortableRegistry,
	id: u32,
	seen: &mut Vec<u32>,
	out: &mut Vec<u8>,
) {
	use codec::Encode;
	use scale_info::TypeDef;
	if let Some(depth) = seen.iter().position(|s| *s == id) {
		// A recursive type: refer to the enclosing one.
		out.push(0xff);
		(depth as u32).encode_to(out);
		return;
	}
	seen.push(id);
	let ty = registry.resolve(id).expect("a registered type");
	match &ty.type_def {
		TypeDef::Composite(c) => {
			out.push(0);
			(c.fields.len() as u32).encode_to(out);
			for f in &c.fields {
				layout_shape(registry, f.ty.id, seen, out);
			}
		},
		TypeDef::Variant(v) => {
			out.push(1);
			(v.variants.len() as u32).encode_to(out);
			for variant in &v.variants {
				out.push(variant.index);
				(variant.fields.len() as u32).encode_to(out);
				for f in &variant.fields {
					layout_shape(registry, f.ty.id, seen, out);
				}
			}
		},
		TypeDef::Sequence(q) => {
			out.push(2);
			layout_shape(registry, q.type_param.id, seen, out);
		},
		TypeDef::Array(a) => {
			out.push(3);
			a.len.encode_to(out);
			layout_shape(registry, a.type_param.id, seen, out);
		},
		TypeDef::Tuple(t) => {
			out.push(4);
			(t.fields.len() as u32).encode_to(out);
			for f in &t.fields {
				layout_shape(registry, f.id, seen, out);
			}
		},
		TypeDef::Primitive(p) => {
			out.push(5);
			p.encode_to(out);
		},
		TypeDef::Compact(c) => {
			out.push(6);
			layout_shape(registry, c.type_param.id, seen, out);
		},
		TypeDef::BitSequence(b) => {
			out.push(7);
			layout_shape(registry, b.bit_store_type.id, seen, out);
			layout_shape(registry, b.bit_order_type.id, seen, out);
		},
	}
	seen.pop();
}

/// Each pallet with storage: `(name, storage version at genesis, layout fingerprint)`, the
/// fingerprint covering every storage item's name, modifier, hashers and the layouts of its key
/// and value types.
fn storage_layouts() -> Vec<(String, u16, String)> {
	use codec::Encode;
	use scale_info::IntoPortable;
	use sp_metadata_ir::StorageEntryTypeIR;
	let metadata = Runtime::metadata_ir();
	let mut ext = dev_externalities();
	let mut layouts = Vec::new();
	for pallet in metadata.pallets {
		let Some(storage) = pallet.storage else { continue };
		let mut registry = scale_info::Registry::new();
		let storage = storage.into_portable(&mut registry);
		let registry: scale_info::PortableRegistry = registry.into();
		let mut entries: Vec<Vec<u8>> = storage
			.entries
			.iter()
			.map(|entry| {
				let mut out = entry.name.encode();
				entry.modifier.encode_to(&mut out);
				match &entry.ty {
					StorageEntryTypeIR::Plain(ty) => {
						out.push(0);
						layout_shape(&registry, ty.id, &mut Vec::new(), &mut out);
					},
					StorageEntryTypeIR::Map { hashers, key, value } => {
						out.push(1);
						hashers.encode_to(&mut out);
						layout_shape(&registry, key.id, &mut Vec::new(), &mut out);
						layout_shape(&registry, value.id, &mut Vec::new(), &mut out);
					},
				}
				out
			})
			.collect();
		entries.sort();
		let fingerprint = sp_io::hashing::blake2_256(&entries.encode());
		let key = [
			sp_io::hashing::twox_128(pallet.name.as_bytes()),
			sp_io::hashing::twox_128(b":__STORAGE_VERSION__:"),
		]
		.concat();
		let version =
			ext.execute_with(|| frame_support::storage::unhashed::get_or_default::<u16>(&key));
		let hex: String = fingerprint[..16].iter().map(|b| format!("{b:02x}")).collect();
		layouts.push((pallet.name.to_string(), version, hex));
	}
	layouts
}

/// Where the storage layouts of each pallet at each storage version are recorded.
const STORAGE_LAYOUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/storage-layouts.txt");

/// A pallet's storage layout changes only with a new storage version (and so a migration):
/// `runtime/storage-layouts.txt` records the layout fingerprint of each pallet at each of its
/// storage versions. The layout of a pallet at its current version must be the one recorded for
/// that version; a changed layout under an unchanged version fails (bump the version, write a
/// migration, add it to `Migrations`, then record the new layout as a new line). Run with
/// `METACERT_WRITE_LAYOUTS=1` to append the lines of versions not recorded yet.
#[test]
fn storage_layouts_change_only_with_a_storage_version_works() {
	let recorded = std::fs::read_to_string(STORAGE_LAYOUTS).unwrap_or_default();
	let lines: Vec<(String, u16, String)> = recorded
		.lines()
		.filter(|l| !l.starts_with('#') && !l.trim().is_empty())
		.map(|l| {
			let parts: Vec<_> = l.split_whitespace().collect();
			assert_eq!(parts.len(), 3, "a line is `Pallet version fingerprint`: {l}");
			(parts[0].to_string(), parts[1].parse().expect("a version"), parts[2].to_string())
		})
		.collect();
	let mut missing = Vec::new();
	for (pallet, version, fingerprint) in storage_layouts() {
		match lines.iter().find(|(p, v, _)| *p == pallet && *v == version) {
			Some((_, _, known)) => assert_eq!(
				known, &fingerprint,
				"the storage layout of {pallet} changed, but its storage version is still {version}: \
				 bump its StorageVersion, write a migration and add it to the runtime's \
				 `Migrations`, then record the new layout ({STORAGE_LAYOUTS})"
			),
			None => missing.push(format!("{pallet} {version} {fingerprint}")),
		}
	}
	if !missing.is_empty() && std::env::var_os("METACERT_WRITE_LAYOUTS").is_some() {
		let mut all = recorded;
		if all.is_empty() {
			all.push_str(
				"# pallet storage-version layout-fingerprint (see runtime/src/tests.rs)\n",
			);
		}
		for line in &missing {
			all.push_str(line);
			all.push('\n');
		}
		std::fs::write(STORAGE_LAYOUTS, all).expect("writable");
		return;
	}
	assert!(
		missing.is_empty(),
		"storage layouts not recorded for these pallets at their storage versions (a new pallet, \
		 or a new version with its migration): add to {STORAGE_LAYOUTS}:\n{}",
		missing.join("\n")
	);
}

/// Runtime-level try-runtime checks, run natively on the state of every genesis preset (the
/// runtime crate built with `--features try-runtime` and `SKIP_WASM_BUILD=1`; see
/// `scripts/test.sh`): `Executive::try_runtime_upgrade` with every check, which runs the
/// runtime's migrations with their `pre_upgrade`/`post_upgrade` checks, decodes the entire state
/// and runs every pallet's `try_state`. Migrations added to the `Executive` are checked here.
#[cfg(feature = "try-runtime")]
mod try_runtime {
	use super::*;
	use frame_support::traits::UpgradeCheckSelect;

	/// The state of preset `name` at block 1.
	fn preset_externalities(name: &str) -> sp_io::TestExternalities {
		let storage = preset_genesis(name).build_storage().expect("genesis builds");
		let mut ext: sp_io::TestExternalities = storage.into();
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	#[test]
	fn runtime_upgrade_checks_pass_on_every_preset_works() {
		for name in genesis_config_presets::preset_names() {
			preset_externalities(&name).execute_with(|| {
				Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
					.unwrap_or_else(|e| panic!("preset {name}: {e:?}"));
				// Idempotent: a second run finds nothing to migrate and the same invariants.
				Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
					.unwrap_or_else(|e| panic!("preset {name}, second run: {e:?}"));
			});
		}
	}

	/// The token's migration to snapshots (storage version 0 -> 1) on the development preset's
	/// accounts rewritten in the v0 layout, with Alice delegating to Bob: the runtime's
	/// `Migrations` run it with its pre/post checks and every pallet's `try_state`.
	#[test]
	fn token_migration_to_snapshots_works() {
		use frame_support::traits::{GetStorageVersion, StorageVersion};
		use pallet_token::migrations::v0;
		use sp_keyring::Sr25519Keyring;
		preset_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let (alice, bob) =
				(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
			// Read before the rewrite: v0 account data does not decode as v1's.
			let alice_total = Balances::free_balance(&alice);
			let accounts: Vec<_> = frame_system::Account::<Runtime>::iter_keys().collect();
			for who in &accounts {
				v0::rewrite_as_v0::<Runtime>(who);
			}
			v0::DelegateOf::<Runtime>::insert(&alice, &bob);
			v0::DelegatedTo::<Runtime>::insert(&bob, (alice_total, 1u32));
			pallet_token::Snapshots::<Runtime>::kill();
			StorageVersion::new(0).put::<Balances>();
			System::set_block_number(100);

			Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("migration checks");

			assert_eq!(Balances::on_chain_storage_version(), 1);
			let delegation = Balances::delegation_of(&alice).expect("carried over");
			assert_eq!((delegation.to, delegation.amount), (bob.clone(), alice_total));
			assert_eq!(Balances::current_voting_power(&bob), 2 * alice_total);
			let state = pallet_token::Snapshots::<Runtime>::get();
			// The development classes vote for 6 blocks: a snapshot at the end of every block.
			assert_eq!((state.first, state.period), (100, 1));
			assert_eq!(frame_system::Account::<Runtime>::iter().count(), accounts.len());
		});
	}

	/// pallet-upgrades' migration to readiness per code (storage version 0 -> 1) on the
	/// development preset with a v0 pending upgrade, history, signal and required node version:
	/// the runtime's `Migrations` run it with its pre/post checks and every pallet's `try_state`.
	#[test]
	fn upgrades_migration_to_readiness_per_code_works() {
		use frame_support::traits::{GetStorageVersion, QueryPreimage, StorageVersion};
		use pallet_upgrades::migrations::v0;
		preset_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let code = b"v0 pending code".to_vec();
			let hash =
				<Preimage as frame_support::traits::StorePreimage>::note(code.clone().into())
					.expect("noted");
			Preimage::request(&hash);
			let version = v0::NodeVersion { major: 0, minor: 1, patch: 0 };
			v0::PendingUpgrades::<Runtime>::put(frame_support::BoundedVec::truncate_from(vec![
				v0::PendingUpgrade {
					code_hash: hash,
					code_len: code.len() as u32,
					activate_at: 50,
					spec_version: 999,
					min_node_version: version,
					required_readiness: sp_runtime::Perbill::from_percent(50),
					readiness_deadline: 60,
				},
			]));
			v0::ActivatedUpgrades::<Runtime>::put(frame_support::BoundedVec::truncate_from(vec![
				v0::ActivatedUpgrade {
					code_hash: Default::default(),
					spec_version: 107,
					min_node_version: version,
					activated_at: 3,
				},
			]));
			v0::RequiredNodeVersion::<Runtime>::put(version);
			let aura = pallet_aura::Authorities::<Runtime>::get()[0].clone();
			v0::SignalOf::<Runtime>::insert(aura, version);
			StorageVersion::new(0).put::<Upgrades>();
			System::set_block_number(10);

			Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("migration checks");

			assert_eq!(Upgrades::on_chain_storage_version(), 1);
			let pending = pallet_upgrades::PendingUpgrades::<Runtime>::get();
			assert_eq!(pending.len(), 1);
			assert_eq!((pending[0].code_hash, pending[0].activate_at), (hash, 50));
			assert!(!pending[0].allow_below_finality);
			assert_eq!(pallet_upgrades::ActivatedUpgrades::<Runtime>::get()[0].spec_version, 107);
			assert!(!v0::RequiredNodeVersion::<Runtime>::exists());
			assert_eq!(v0::SignalOf::<Runtime>::iter_keys().count(), 0);
		});
	}

	#[test]
	fn runtime_upgrade_checks_catch_a_broken_invariant_fails() {
		use configs::governance::classes::{PARAMETER_CHANGE, ROOT};
		preset_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			// A class that dispatches with its own origin made stricter than the Root class,
			// written past `set_class`: governance's `try_state` refuses it.
			let root = pallet_governance::ClassOf::<Runtime>::get(ROOT).expect("root class");
			let mut weak =
				pallet_governance::ClassOf::<Runtime>::get(PARAMETER_CHANGE).expect("class");
			weak.thresholds.min_approval = sp_runtime::Perbill::from_percent(99);
			weak.thresholds.min_turnout = root.thresholds.min_turnout;
			pallet_governance::ClassOf::<Runtime>::insert(PARAMETER_CHANGE, weak);
			assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).is_err());
			// Without the state checks the same state passes: the error came from them.
			assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost).is_ok());
		});
	}

	#[test]
	fn runtime_upgrade_checks_catch_undecodable_state_fails() {
		preset_externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			// A value under a pallet's own key that does not decode as its type.
			let key = pallet_governance::ProposalCount::<Runtime>::hashed_key();
			sp_io::storage::set(&key, &[1]);
			assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).is_err());
		});
	}
}
