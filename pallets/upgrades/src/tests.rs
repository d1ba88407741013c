//! Tests of pallet-upgrades.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::QueryPreimage};
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{BadOrigin, Hash as _},
	transaction_validity::{InvalidTransaction, TransactionSource},
	RuntimeAppPublic,
};

fn hash(code: &[u8]) -> sp_core::H256 {
	<Test as frame_system::Config>::Hashing::hash(code)
}

/// Notes `code` as a preimage and returns its hash.
fn note(code: &[u8]) -> sp_core::H256 {
	assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(1), code.to_vec()));
	hash(code)
}

const V1: NodeVersion = NodeVersion { major: 1, minor: 2, patch: 0 };

fn schedule(code_hash: sp_core::H256, at: u64, spec_version: u32) -> DispatchResult {
	Upgrades::schedule_upgrade(
		RuntimeOrigin::root(),
		code_hash,
		at,
		spec_version,
		V1,
		Perbill::zero(),
		at,
	)
}

/// Schedules with a readiness requirement of `share` and a deadline.
fn schedule_ready(
	code_hash: sp_core::H256,
	at: u64,
	spec_version: u32,
	share: Perbill,
	deadline: u64,
) -> DispatchResult {
	Upgrades::schedule_upgrade(
		RuntimeOrigin::root(),
		code_hash,
		at,
		spec_version,
		V1,
		share,
		deadline,
	)
}

fn signal(authority: u64, version: NodeVersion) -> DispatchResult {
	let authority = UintAuthorityId(authority);
	let signature = authority.sign(&Upgrades::signal_payload(&authority, version)).unwrap();
	Upgrades::signal_readiness(RuntimeOrigin::none(), authority, version, signature)
}

fn runtime_code() -> Option<Vec<u8>> {
	sp_io::storage::get(sp_core::storage::well_known_keys::CODE).map(|c| c.to_vec())
}

/// The code frame-system's genesis stores (empty in tests): the runtime before any upgrade.
fn genesis_code() -> Option<Vec<u8>> {
	Some(vec![])
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Upgrades(e) => Some(e),
			_ => None,
		})
		.expect("an upgrades event")
}

#[test]
fn schedule_upgrade_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		System::assert_last_event(
			Event::UpgradeScheduled {
				code_hash: h,
				activate_at: 10,
				spec_version: 101,
				min_node_version: V1,
				required_readiness: Perbill::zero(),
				readiness_deadline: 10,
			}
			.into(),
		);
		assert_eq!(Upgrades::pending().len(), 1);
		assert!(Upgrades::pending()[0].ready);
		assert!(Preimage::is_requested(&h));
		// Kept in activation order.
		let h2 = note(&code("metacert", 102));
		assert_ok!(schedule(h2, 8, 102));
		let blocks: Vec<_> = Upgrades::pending().iter().map(|u| u.upgrade.activate_at).collect();
		assert_eq!(blocks, vec![8, 10]);
	});
}

#[test]
fn schedule_upgrade_fails() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_noop!(
			Upgrades::schedule_upgrade(
				RuntimeOrigin::signed(1),
				h,
				10,
				101,
				V1,
				Perbill::zero(),
				10
			),
			BadOrigin
		);
		assert_noop!(
			schedule_ready(h, 10, 101, Perbill::one(), 9),
			Error::<Test>::DeadlineBeforeActivation
		);
		// Now is block 1 and the least delay 5 blocks.
		assert_noop!(schedule(h, 5, 101), Error::<Test>::TooSoon);
		assert_noop!(schedule(h, 0, 101), Error::<Test>::TooSoon);
		assert_noop!(schedule(hash(b"never noted"), 10, 101), Error::<Test>::CodeNotNoted);
		assert_ok!(schedule(h, 6, 101));
		assert_noop!(schedule(h, 6, 101), Error::<Test>::BlockTaken);
		assert_ok!(schedule(h, 7, 101));
		assert_ok!(schedule(h, 8, 101));
		assert_noop!(schedule(h, 9, 101), Error::<Test>::TooManyPending);
	});
}

#[test]
fn cancel_upgrade_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		assert_noop!(Upgrades::cancel_upgrade(RuntimeOrigin::signed(1), 10), BadOrigin);
		assert_noop!(
			Upgrades::cancel_upgrade(RuntimeOrigin::root(), 11),
			Error::<Test>::NotPending
		);
		assert_ok!(Upgrades::cancel_upgrade(RuntimeOrigin::root(), 10));
		System::assert_last_event(Event::UpgradeCancelled { code_hash: h, activate_at: 10 }.into());
		assert!(Upgrades::pending().is_empty());
		assert!(!Preimage::is_requested(&h));
		run_to_block(11);
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn activation_installs_the_code_works() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert_ok!(schedule(h, 10, 101));
		run_to_block(9);
		assert_eq!(runtime_code(), genesis_code());
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: h, spec_version: 101, min_node_version: V1 }
		);
		assert_eq!(RequiredNodeVersion::<Test>::get(), V1);
		System::assert_has_event(frame_system::Event::CodeUpdated { hash: h }.into());
		assert_eq!(runtime_code(), Some(new));
		assert!(Upgrades::pending().is_empty());
		assert!(!Preimage::is_requested(&h));
		assert_eq!(
			ActivatedUpgrades::<Test>::get().into_inner(),
			vec![ActivatedUpgrade {
				code_hash: h,
				spec_version: 101,
				min_node_version: V1,
				activated_at: 10
			}]
		);
	});
}

#[test]
fn activation_history_keeps_the_latest_works() {
	build_and_execute(|| {
		// The mock keeps 2.
		let hashes: Vec<_> = (101..=103).map(|v| note(&code("metacert", v))).collect();
		for (i, h) in hashes.iter().enumerate() {
			assert_ok!(schedule(*h, 10 + i as u64, 101 + i as u32));
		}
		run_to_block(12);
		let history: Vec<_> = ActivatedUpgrades::<Test>::get()
			.iter()
			.map(|u| (u.code_hash, u.spec_version, u.activated_at))
			.collect();
		assert_eq!(history, vec![(hashes[1], 102, 11), (hashes[2], 103, 12)]);
	});
}

#[test]
fn activation_with_bad_code_fails() {
	let cases: Vec<(Vec<u8>, u32, FailureReason)> = vec![
		(b"\0asm not a runtime".to_vec(), 101, FailureReason::NotARuntime),
		(code("metacert", 100), 100, FailureReason::SpecVersionNotHigher),
		(code("metacert", 99), 99, FailureReason::SpecVersionNotHigher),
		(code("other-chain", 101), 101, FailureReason::SpecNameChanged),
		(code("metacert", 102), 101, FailureReason::SpecVersionMismatch),
	];
	for (bad, announced, reason) in cases {
		build_and_execute(|| {
			let h = note(&bad);
			assert_ok!(schedule(h, 10, announced));
			run_to_block(10);
			assert_eq!(last_event(), Event::UpgradeFailed { code_hash: h, reason });
			assert_eq!(
				runtime_code(),
				genesis_code(),
				"the running runtime is untouched ({reason:?})"
			);
			assert!(!Preimage::is_requested(&h));
			assert!(ActivatedUpgrades::<Test>::get().is_empty(), "no history ({reason:?})");
			// The chain carries on.
			run_to_block(12);
		});
	}
}

#[test]
fn activation_with_unavailable_code_fails() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert_ok!(schedule(h, 10, 101));
		// The stored bytes vanish (storage corruption or a bug elsewhere).
		pallet_preimage::PreimageFor::<Test>::remove((h, new.len() as u32));
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: h, reason: FailureReason::CodeUnavailable }
		);
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn activation_with_code_not_matching_its_hash_fails() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert_ok!(schedule(h, 10, 101));
		// The stored bytes change under the same key (storage corruption or a bug elsewhere).
		let mut other = new.clone();
		let last = other.len() - 1;
		other[last] ^= 1;
		pallet_preimage::PreimageFor::<Test>::insert(
			(h, new.len() as u32),
			frame_support::BoundedVec::truncate_from(other),
		);
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: h, reason: FailureReason::HashMismatch }
		);
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn set_min_activation_delay_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_noop!(Upgrades::set_min_activation_delay(RuntimeOrigin::signed(1), 20), BadOrigin);
		assert_ok!(Upgrades::set_min_activation_delay(RuntimeOrigin::root(), 20));
		System::assert_last_event(Event::MinActivationDelaySet { delay: 20 }.into());
		assert_noop!(schedule(h, 20, 101), Error::<Test>::TooSoon);
		assert_ok!(schedule(h, 21, 101));
		// A zero delay still needs a future block.
		assert_ok!(Upgrades::set_min_activation_delay(RuntimeOrigin::root(), 0));
		assert_noop!(schedule(h, 1, 101), Error::<Test>::TooSoon);
		assert_ok!(schedule(h, 2, 101));
	});
}

#[test]
fn signal_readiness_works() {
	build_and_execute(|| {
		assert_ok!(signal(2, V1));
		System::assert_last_event(
			Event::ReadinessSignalled { authority: UintAuthorityId(2), version: V1 }.into(),
		);
		assert_eq!(SignalOf::<Test>::get(UintAuthorityId(2)), Some(V1));
		// A newer version replaces it.
		let v2 = NodeVersion::new(1, 3, 0);
		assert_ok!(signal(2, v2));
		assert_eq!(SignalOf::<Test>::get(UintAuthorityId(2)), Some(v2));
	});
}

#[test]
fn signal_readiness_fails() {
	build_and_execute(|| {
		let authority = UintAuthorityId(1);
		let signature = authority.sign(&Upgrades::signal_payload(&authority, V1)).unwrap();
		assert_noop!(
			Upgrades::signal_readiness(
				RuntimeOrigin::signed(1),
				authority.clone(),
				V1,
				signature.clone()
			),
			BadOrigin
		);
		assert_noop!(signal(7, V1), Error::<Test>::NotAnAuthority);
		assert_ok!(signal(1, V1));
		assert_noop!(signal(1, V1), Error::<Test>::StaleSignal);
		assert_noop!(signal(1, NodeVersion::new(1, 1, 9)), Error::<Test>::StaleSignal);
	});
}

// `ValidateUnsigned` is deprecated upstream; readiness signals need it (see the pallet).
#[allow(deprecated)]
#[test]
fn validate_signal_works() {
	use frame_support::unsigned::ValidateUnsigned;
	build_and_execute(|| {
		let authority = UintAuthorityId(3);
		let good = authority.sign(&Upgrades::signal_payload(&authority, V1)).unwrap();
		let call = |authority: u64, version, signature| crate::Call::<Test>::signal_readiness {
			authority: UintAuthorityId(authority),
			version,
			signature,
		};
		let valid =
			Upgrades::validate_unsigned(TransactionSource::External, &call(3, V1, good.clone()))
				.expect("a valid signal");
		assert_eq!(valid.provides, vec![("UpgradesReadiness", (authority.clone(), V1)).encode()]);
		assert_eq!(valid.priority, <<Test as Config>::UnsignedPriority as Get<u64>>::get());
		// Signed over another version, by another key, or for another chain.
		let other_version = NodeVersion::new(9, 0, 0);
		let by_other = UintAuthorityId(2).sign(&Upgrades::signal_payload(&authority, V1)).unwrap();
		let other_chain = authority.sign(&(SIGNAL_CONTEXT, &authority, V1, [7u8; 32]).encode());
		for bad in [
			call(3, other_version, good.clone()),
			call(3, V1, by_other),
			call(3, V1, other_chain.unwrap()),
		] {
			assert_eq!(
				Upgrades::validate_unsigned(TransactionSource::External, &bad),
				InvalidTransaction::BadProof.into()
			);
		}
		assert_eq!(
			Upgrades::validate_unsigned(TransactionSource::External, &call(8, V1, good.clone())),
			InvalidTransaction::BadSigner.into()
		);
		assert_ok!(signal(3, V1));
		assert_eq!(
			Upgrades::validate_unsigned(TransactionSource::External, &call(3, V1, good)),
			InvalidTransaction::Stale.into()
		);
	});
}

#[test]
fn activation_waits_for_readiness_works() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		let two_thirds = Perbill::from_rational(2u32, 3);
		assert_ok!(schedule_ready(h, 10, 101, two_thirds, 20));
		// One authority runs V1, another an older node.
		assert_ok!(signal(1, V1));
		assert_ok!(signal(2, NodeVersion::new(1, 1, 0)));
		assert_eq!(Upgrades::pending()[0].readiness, Perbill::from_rational(1u32, 3));
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeAwaitingReadiness {
				code_hash: h,
				readiness: Perbill::from_rational(1u32, 3),
				required_readiness: two_thirds,
				readiness_deadline: 20,
			}
		);
		assert_eq!(runtime_code(), genesis_code());
		run_to_block(14);
		assert_eq!(runtime_code(), genesis_code());
		assert!(Preimage::is_requested(&h));
		// The second authority upgrades its node: activation in the next block.
		assert_ok!(signal(2, NodeVersion::new(1, 2, 5)));
		assert!(Upgrades::pending()[0].ready);
		run_to_block(15);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: h, spec_version: 101, min_node_version: V1 }
		);
		assert_eq!(runtime_code(), Some(new));
	});
}

#[test]
fn activation_without_readiness_by_the_deadline_fails() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule_ready(h, 10, 101, Perbill::one(), 12));
		assert_ok!(signal(1, V1));
		assert_ok!(signal(2, V1));
		run_to_block(11);
		assert_eq!(Upgrades::pending().len(), 1);
		run_to_block(12);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: h, reason: FailureReason::ReadinessNotReached }
		);
		assert!(Upgrades::pending().is_empty());
		assert!(!Preimage::is_requested(&h));
		assert_eq!(runtime_code(), genesis_code());
		assert_eq!(RequiredNodeVersion::<Test>::get(), NodeVersion::default());
	});
}

#[test]
fn readiness_counts_only_current_authorities_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule_ready(h, 10, 101, Perbill::from_percent(50), 20));
		assert_ok!(signal(1, V1));
		assert_ok!(signal(2, V1));
		assert!(Upgrades::pending()[0].ready);
		// Authority 2 leaves the set: 1 of 3 current authorities is ready.
		Authorities::set(vec![1.into(), 3.into(), 4.into()]);
		let status = &Upgrades::pending()[0];
		assert_eq!((status.readiness, status.ready), (Perbill::from_rational(1u32, 3), false));
	});
}

#[test]
fn one_activation_per_block_works() {
	build_and_execute(|| {
		let (a, b) = (code("metacert", 101), code("metacert", 102));
		let (ha, hb) = (note(&a), note(&b));
		// `a` waits for readiness past block 11, when `b` is due.
		assert_ok!(schedule_ready(ha, 10, 101, Perbill::one(), 30));
		assert_ok!(schedule(hb, 11, 102));
		run_to_block(11);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: hb, spec_version: 102, min_node_version: V1 }
		);
		for authority in 1..=3 {
			assert_ok!(signal(authority, V1));
		}
		System::reset_events();
		run_to_block(12);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: ha, spec_version: 101, min_node_version: V1 }
		);
		let installed = System::events()
			.iter()
			.filter(|r| matches!(r.event, RuntimeEvent::Upgrades(Event::UpgradeActivated { .. })))
			.count();
		assert_eq!(installed, 1, "one installation in block 12");
		assert_eq!(runtime_code(), Some(a));
	});
}

#[test]
fn required_node_version_never_decreases_works() {
	build_and_execute(|| {
		let (a, b) = (code("metacert", 101), code("metacert", 102));
		let (ha, hb) = (note(&a), note(&b));
		let v2 = NodeVersion::new(2, 0, 0);
		assert_ok!(Upgrades::schedule_upgrade(
			RuntimeOrigin::root(),
			ha,
			10,
			101,
			v2,
			Perbill::zero(),
			10
		));
		assert_ok!(schedule(hb, 11, 102));
		run_to_block(10);
		assert_eq!(RequiredNodeVersion::<Test>::get(), v2);
		run_to_block(11);
		assert_eq!(RequiredNodeVersion::<Test>::get(), v2);
	});
}

#[allow(deprecated)]
#[test]
fn offchain_worker_signals_readiness_works() {
	use sp_core::offchain::{
		testing::{TestOffchainExt, TestTransactionPoolExt},
		OffchainDbExt, OffchainWorkerExt, StorageKind, TransactionPoolExt,
	};
	let mut ext = new_test_ext();
	let (offchain, _state) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.execute_with(|| {
		// This node holds the keys of authority 2 and of a non-authority.
		UintAuthorityId::set_all_keys(vec![2u64, 9]);
		assert_eq!(
			Upgrades::do_signal_readiness(1),
			Err("the node did not write its version to offchain storage")
		);
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, NODE_VERSION_KEY, &V1.encode());
		assert_eq!(Upgrades::do_signal_readiness(1), Ok(1));
		let sent = pool_state.read().transactions.clone();
		assert_eq!(sent.len(), 1);
		let xt = Extrinsic::decode(&mut &sent[0][..]).unwrap();
		let RuntimeCall::Upgrades(call) = xt.function else { panic!("an upgrades call") };
		{
			use frame_support::unsigned::ValidateUnsigned;
			assert_ok!(Upgrades::validate_unsigned(TransactionSource::Local, &call));
		}
		assert!(matches!(
			&call,
			crate::Call::signal_readiness { authority, version, .. }
				if *authority == UintAuthorityId(2) && *version == V1
		));
		// Not again before the retry period, again after it while not on chain.
		assert_eq!(Upgrades::do_signal_readiness(5), Ok(0));
		assert_eq!(Upgrades::do_signal_readiness(1 + SIGNAL_RETRY_BLOCKS as u64), Ok(1));
		// Once on chain, never again for this version.
		assert_ok!(frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
			call,
			RuntimeOrigin::none()
		));
		assert_eq!(Upgrades::do_signal_readiness(100), Ok(0));
		// A newer node signals its version.
		let v2 = NodeVersion::new(1, 3, 0);
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, NODE_VERSION_KEY, &v2.encode());
		assert_eq!(Upgrades::do_signal_readiness(101), Ok(1));
		assert_eq!(pool_state.read().transactions.len(), 3);
	});
}
