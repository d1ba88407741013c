//! Tests of pallet-upgrades.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Hooks, QueryPreimage},
};
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{BadOrigin, Hash as _},
	transaction_validity::{InvalidTransaction, TransactionSource},
	RuntimeAppPublic,
};

fn hash(code: &[u8]) -> sp_core::H256 {
	<Test as frame_system::Config>::Hashing::hash(code)
}

/// Account 1 notes `code` as a preimage (with a deposit) and gets its hash.
fn note(code: &[u8]) -> sp_core::H256 {
	assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(1), code.to_vec()));
	hash(code)
}

/// Schedules with the default readiness rule (more than two thirds) and a deadline 10 blocks
/// after `at`.
fn schedule(code_hash: sp_core::H256, at: u64, spec_version: u32) -> DispatchResult {
	schedule_ready(code_hash, at, spec_version, Perbill::zero(), false, at + 10)
}

fn schedule_ready(
	code_hash: sp_core::H256,
	at: u64,
	spec_version: u32,
	share: Perbill,
	below_finality: bool,
	deadline: u64,
) -> DispatchResult {
	Upgrades::schedule_upgrade(
		RuntimeOrigin::root(),
		code_hash,
		at,
		spec_version,
		share,
		below_finality,
		deadline,
	)
}

/// A signal of `authority` for `code_hash`, made now, and its signature.
fn signed(
	authority: u64,
	code_hash: sp_core::H256,
	can_run: bool,
) -> (ReadinessSignalOf<Test>, <UintAuthorityId as RuntimeAppPublic>::Signature) {
	let signal = ReadinessSignal {
		authority: UintAuthorityId(authority),
		code_hash,
		can_run,
		at: System::block_number(),
	};
	let signature = UintAuthorityId(authority).sign(&Upgrades::signal_payload(&signal)).unwrap();
	(signal, signature)
}

fn signal(authority: u64, code_hash: sp_core::H256, can_run: bool) -> DispatchResult {
	let (signal, signature) = signed(authority, code_hash, can_run);
	Upgrades::signal_readiness(RuntimeOrigin::none(), signal, signature)
}

/// All three authorities say they can run `code_hash`.
fn all_ready(code_hash: sp_core::H256) {
	for authority in 1..=3 {
		assert_ok!(signal(authority, code_hash, true));
	}
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

fn held_by_1() -> u64 {
	Balances::total_balance_on_hold(&1)
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
				required_readiness: Perbill::zero(),
				allow_below_finality: false,
				readiness_deadline: 20,
			}
			.into(),
		);
		assert_eq!(Upgrades::pending().len(), 1);
		assert!(!Upgrades::pending()[0].ready, "nobody signalled");
		assert!(Preimage::is_requested(&h));
		assert_eq!(Upgrades::pending_code(h), Some(code("metacert", 101)));
		// Kept in activation order.
		let h2 = note(&code("metacert", 102));
		assert_ok!(schedule(h2, 8, 102));
		let blocks: Vec<_> = Upgrades::pending().iter().map(|u| u.upgrade.activate_at).collect();
		assert_eq!(blocks, vec![8, 10]);
		assert_eq!(Upgrades::pending_code(hash(b"not pending")), None);
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
				Perbill::zero(),
				false,
				10
			),
			BadOrigin
		);
		assert_noop!(
			schedule_ready(h, 10, 101, Perbill::one(), false, 9),
			Error::<Test>::DeadlineBeforeActivation
		);
		// Now is block 1 and the least delay 5 blocks.
		assert_noop!(schedule(h, 5, 101), Error::<Test>::TooSoon);
		assert_noop!(schedule(h, 0, 101), Error::<Test>::TooSoon);
		assert_noop!(schedule(hash(b"never noted"), 10, 101), Error::<Test>::CodeNotNoted);
		// One byte over the bound.
		let big = note(&vec![7u8; MAX_CODE as usize + 1]);
		assert_noop!(schedule(big, 10, 101), Error::<Test>::CodeTooLarge);
		assert_ok!(schedule(note(&vec![7u8; MAX_CODE as usize]), 10, 101));
		let h2 = note(&code("metacert", 102));
		assert_noop!(schedule(h2, 10, 102), Error::<Test>::BlockTaken);
		// Signals are per code: one pending upgrade per code.
		assert_ok!(schedule(h, 6, 101));
		assert_noop!(schedule(h, 7, 101), Error::<Test>::AlreadyPending);
		assert_ok!(schedule(h2, 7, 102));
		let h3 = note(&code("metacert", 103));
		assert_noop!(schedule(h3, 9, 103), Error::<Test>::TooManyPending);
	});
}

#[test]
fn cancel_upgrade_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		assert_ok!(signal(1, h, true));
		assert_noop!(Upgrades::cancel_upgrade(RuntimeOrigin::signed(1), 10), BadOrigin);
		assert_noop!(
			Upgrades::cancel_upgrade(RuntimeOrigin::root(), 11),
			Error::<Test>::NotPending
		);
		assert_ok!(Upgrades::cancel_upgrade(RuntimeOrigin::root(), 10));
		System::assert_last_event(Event::UpgradeCancelled { code_hash: h, activate_at: 10 }.into());
		assert!(Upgrades::pending().is_empty());
		assert!(!Preimage::is_requested(&h));
		assert_eq!(ReadinessOf::<Test>::iter_prefix(h).count(), 0, "signals cleared");
		// The noter keeps the preimage and its deposit, and may unnote it.
		assert!(held_by_1() > 0);
		run_to_block(11);
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn activation_installs_the_code_works() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert!(held_by_1() > 0, "the noter's deposit is held");
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
		run_to_block(9);
		assert_eq!(runtime_code(), genesis_code());
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: h, spec_version: 101, readiness: Perbill::one() }
		);
		System::assert_has_event(frame_system::Event::CodeUpdated { hash: h }.into());
		assert_eq!(runtime_code(), Some(new));
		assert!(Upgrades::pending().is_empty());
		assert_eq!(ReadinessOf::<Test>::iter_prefix(h).count(), 0, "signals cleared");
		// The code is dropped from the preimage store and the deposit returned.
		assert!(!Preimage::is_requested(&h));
		assert_eq!(Preimage::len(&h), None);
		assert_eq!(held_by_1(), 0);
		assert_eq!(Balances::free_balance(1), ENDOWMENT);
		assert_eq!(
			ActivatedUpgrades::<Test>::get().into_inner(),
			vec![ActivatedUpgrade { code_hash: h, spec_version: 101, activated_at: 10 }]
		);
	});
}

#[test]
fn activation_keeps_code_others_request_works() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		// Someone else (e.g. a proposal) requests the same preimage.
		Preimage::request(&h);
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
		run_to_block(10);
		assert_eq!(runtime_code(), Some(new));
		assert!(Preimage::is_requested(&h), "still requested by the other");
		assert!(Preimage::len(&h).is_some());
	});
}

#[test]
fn activation_is_charged_a_full_block_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		let bad = note(b"\0asm not a runtime");
		assert_ok!(schedule(h, 10, 101));
		assert_ok!(schedule(bad, 11, 101));
		all_ready(h);
		all_ready(bad);
		let full = <<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get()
		.max_block;
		System::set_block_number(9);
		assert!(Upgrades::on_initialize(9).all_lt(full), "nothing due");
		System::set_block_number(10);
		assert_eq!(Upgrades::on_initialize(10), full, "installed");
		System::set_block_number(11);
		// A failed check may have decompressed and instantiated the code: a full block too.
		assert_eq!(Upgrades::on_initialize(11), full, "refused");
		assert!(matches!(last_event(), Event::UpgradeFailed { .. }));
	});
}

#[test]
fn activation_history_keeps_the_latest_works() {
	build_and_execute(|| {
		// The mock keeps 2.
		let hashes: Vec<_> = (101..=103).map(|v| note(&code("metacert", v))).collect();
		for (i, h) in hashes.iter().enumerate() {
			assert_ok!(schedule(*h, 10 + i as u64, 101 + i as u32));
			all_ready(*h);
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
		// A module without a version section: the mock's reader finds no version.
		(b"\0asm\x01\0\0\0".to_vec(), 101, FailureReason::NotARuntime),
		(code("metacert", 100), 100, FailureReason::SpecVersionNotHigher),
		(code("metacert", 99), 99, FailureReason::SpecVersionNotHigher),
		(code("other-chain", 101), 101, FailureReason::SpecNameChanged),
		(code("metacert", 102), 101, FailureReason::SpecVersionMismatch),
	];
	for (bad, announced, reason) in cases {
		build_and_execute(|| {
			let h = note(&bad);
			assert_ok!(schedule(h, 10, announced));
			all_ready(h);
			run_to_block(10);
			assert_eq!(last_event(), Event::UpgradeFailed { code_hash: h, reason });
			assert_eq!(
				runtime_code(),
				genesis_code(),
				"the running runtime is untouched ({reason:?})"
			);
			assert!(!Preimage::is_requested(&h));
			assert_eq!(ReadinessOf::<Test>::iter_prefix(h).count(), 0);
			// The noter keeps it and its deposit (and may unnote it).
			assert!(Preimage::len(&h).is_some() && held_by_1() > 0, "{reason:?}");
			assert!(ActivatedUpgrades::<Test>::get().is_empty(), "no history ({reason:?})");
			// The chain carries on.
			run_to_block(12);
		});
	}
}

#[test]
fn activation_during_multi_block_migrations_fails() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
		run_to_block(9);
		MigrationsOngoing::set(true);
		run_to_block(10);
		MigrationsOngoing::set(false);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: h, reason: FailureReason::MigrationsOngoing }
		);
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn activation_with_unavailable_code_fails() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
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
		all_ready(h);
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
		assert_ok!(Upgrades::cancel_upgrade(RuntimeOrigin::root(), 21));
		// A zero delay still needs a future block.
		assert_ok!(Upgrades::set_min_activation_delay(RuntimeOrigin::root(), 0));
		assert_noop!(schedule(h, 1, 101), Error::<Test>::TooSoon);
		assert_ok!(schedule(h, 2, 101));
	});
}

#[test]
fn signal_readiness_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		assert_ok!(signal(2, h, true));
		System::assert_last_event(
			Event::ReadinessSignalled {
				authority: UintAuthorityId(2),
				code_hash: h,
				can_run: true,
			}
			.into(),
		);
		assert_eq!(
			ReadinessOf::<Test>::get(h, UintAuthorityId(2)),
			Some(Signal { can_run: true, at: 1 })
		);
		assert_eq!(
			Upgrades::signals(h),
			vec![(UintAuthorityId(2), Signal { can_run: true, at: 1 })]
		);
		// A node rolled back to a release that cannot run the code withdraws, after the
		// cooldown (3 blocks in the mock).
		run_to_block(4);
		assert_ok!(signal(2, h, false));
		assert_eq!(
			ReadinessOf::<Test>::get(h, UintAuthorityId(2)),
			Some(Signal { can_run: false, at: 4 })
		);
		// A first signal may say it cannot run the code.
		assert_ok!(signal(3, h, false));
	});
}

#[test]
fn signal_readiness_fails() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		let (good, signature) = signed(1, h, true);
		assert_noop!(
			Upgrades::signal_readiness(RuntimeOrigin::signed(1), good.clone(), signature.clone()),
			BadOrigin
		);
		assert_noop!(signal(7, h, true), Error::<Test>::NotAnAuthority);
		assert_noop!(signal(1, hash(b"not pending"), true), Error::<Test>::CodeNotPending);
		let future = ReadinessSignal { at: 2, ..good.clone() };
		let sig = UintAuthorityId(1).sign(&Upgrades::signal_payload(&future)).unwrap();
		assert_noop!(
			Upgrades::signal_readiness(RuntimeOrigin::none(), future, sig),
			Error::<Test>::FutureSignal
		);
		assert_ok!(Upgrades::signal_readiness(
			RuntimeOrigin::none(),
			good.clone(),
			signature.clone()
		));
		// Saying it again, or replaying the signal, changes nothing.
		assert_noop!(signal(1, h, true), Error::<Test>::StaleSignal);
		assert_noop!(
			Upgrades::signal_readiness(RuntimeOrigin::none(), good.clone(), signature.clone()),
			Error::<Test>::StaleSignal
		);
		// Flipping needs the cooldown (3 blocks) since the last signal.
		run_to_block(3);
		assert_noop!(signal(1, h, false), Error::<Test>::SignalCooldown);
		run_to_block(4);
		assert_ok!(signal(1, h, false));
		// The old "can run" signal, replayed after the withdrawal, is refused: older than the
		// withdrawal by less than the cooldown while recent...
		assert_noop!(
			Upgrades::signal_readiness(RuntimeOrigin::none(), good.clone(), signature.clone()),
			Error::<Test>::SignalCooldown
		);
		// ...and too old after.
		run_to_block(1 + SIGNAL_LONGEVITY as u64);
		assert_noop!(
			Upgrades::signal_readiness(RuntimeOrigin::none(), good, signature),
			Error::<Test>::StaleSignal
		);
	});
}

// `ValidateUnsigned` is deprecated upstream; readiness signals need it (see the pallet).
#[allow(deprecated)]
#[test]
fn validate_signal_works() {
	use frame_support::unsigned::ValidateUnsigned;
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		let validate = |signal: ReadinessSignalOf<Test>, signature| {
			Upgrades::validate_unsigned(
				TransactionSource::External,
				&crate::Call::<Test>::signal_readiness { signal, signature },
			)
		};
		let (good, signature) = signed(3, h, true);
		let valid = validate(good.clone(), signature.clone()).expect("a valid signal");
		// One signal per authority and code in the pool, below every paid transaction.
		assert_eq!(valid.provides, vec![("UpgradesReadiness", (UintAuthorityId(3), h)).encode()]);
		assert_eq!(valid.priority, 0);
		assert_eq!(valid.longevity, u64::from(SIGNAL_LONGEVITY));
		// Signed over another code, another verdict, by another key, or for another chain.
		let by_other = UintAuthorityId(2).sign(&Upgrades::signal_payload(&good)).unwrap();
		let other_chain = UintAuthorityId(3).sign(&(SIGNAL_CONTEXT, &good, [7u8; 32]).encode());
		let h2 = note(&code("metacert", 102));
		assert_ok!(schedule(h2, 11, 102));
		for (signal, signature) in [
			(ReadinessSignal { code_hash: h2, ..good.clone() }, signature.clone()),
			(ReadinessSignal { can_run: false, ..good.clone() }, signature.clone()),
			(good.clone(), by_other),
			(good.clone(), other_chain.unwrap()),
		] {
			assert_eq!(validate(signal, signature), InvalidTransaction::BadProof.into());
		}
		let (outsider, sig) = signed(8, h, true);
		assert_eq!(validate(outsider, sig), InvalidTransaction::BadSigner.into());
		let (unknown, sig) = signed(3, hash(b"not pending"), true);
		assert_eq!(validate(unknown, sig), InvalidTransaction::Stale.into());
		let future = ReadinessSignal { at: 5, ..good.clone() };
		let sig = UintAuthorityId(3).sign(&Upgrades::signal_payload(&future)).unwrap();
		assert_eq!(validate(future, sig), InvalidTransaction::Future.into());
		assert_ok!(signal(3, h, true));
		assert_eq!(validate(good, signature), InvalidTransaction::Stale.into());
	});
}

#[test]
fn activation_waits_for_readiness_works() {
	build_and_execute(|| {
		let new = code("metacert", 101);
		let h = note(&new);
		assert_ok!(schedule(h, 10, 101));
		// Two of three can run it, one cannot: not more than two thirds.
		assert_ok!(signal(1, h, true));
		assert_ok!(signal(2, h, true));
		assert_ok!(signal(3, h, false));
		assert_eq!(Upgrades::pending()[0].readiness, Perbill::from_rational(2u32, 3));
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeAwaitingReadiness {
				code_hash: h,
				readiness: Perbill::from_rational(2u32, 3),
				required_readiness: Perbill::zero(),
				readiness_deadline: 20,
			}
		);
		assert_eq!(runtime_code(), genesis_code());
		run_to_block(14);
		assert_eq!(runtime_code(), genesis_code());
		assert!(Preimage::is_requested(&h));
		// The third operator upgrades its node: activation in the next block.
		assert_ok!(signal(3, h, true));
		assert!(Upgrades::pending()[0].ready);
		run_to_block(15);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: h, spec_version: 101, readiness: Perbill::one() }
		);
		assert_eq!(runtime_code(), Some(new));
	});
}

#[test]
fn activation_below_finality_needs_governance_to_say_so_works() {
	build_and_execute(|| {
		let (a, b) = (code("metacert", 101), code("metacert", 102));
		let (ha, hb) = (note(&a), note(&b));
		let half = Perbill::from_percent(50);
		assert_ok!(schedule_ready(ha, 10, 101, half, false, 10));
		assert_ok!(schedule_ready(hb, 11, 102, half, true, 11));
		for h in [ha, hb] {
			assert_ok!(signal(1, h, true));
			assert_ok!(signal(2, h, true));
		}
		// 2 of 3 meets 50% but not finality's more than two thirds.
		run_to_block(10);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: ha, reason: FailureReason::ReadinessNotReached }
		);
		// Explicitly allowed below finality.
		run_to_block(11);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated {
				code_hash: hb,
				spec_version: 102,
				readiness: Perbill::from_rational(2u32, 3)
			}
		);
	});
}

#[test]
fn code_nobody_can_run_is_never_installed_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		// The old typo case: no readiness asked for, below finality allowed. Every node says it
		// cannot run the code.
		assert_ok!(schedule_ready(h, 10, 101, Perbill::zero(), true, 12));
		for authority in 1..=3 {
			assert_ok!(signal(authority, h, false));
		}
		run_to_block(12);
		assert_eq!(
			last_event(),
			Event::UpgradeFailed { code_hash: h, reason: FailureReason::ReadinessNotReached }
		);
		assert!(Upgrades::pending().is_empty());
		assert_eq!(ReadinessOf::<Test>::iter_prefix(h).count(), 0);
		assert_eq!(runtime_code(), genesis_code());
		// The chain goes on.
		run_to_block(20);
	});
}

#[test]
fn a_withdrawn_signal_no_longer_counts_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
		assert!(Upgrades::pending()[0].ready);
		run_to_block(5);
		assert_ok!(signal(3, h, false));
		assert!(!Upgrades::pending()[0].ready);
		run_to_block(10);
		assert!(matches!(last_event(), Event::UpgradeAwaitingReadiness { .. }));
		assert_eq!(runtime_code(), genesis_code());
	});
}

#[test]
fn readiness_counts_only_current_authorities_works() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		all_ready(h);
		assert!(Upgrades::pending()[0].ready);
		// Authorities 2 and 3 leave the set: 1 of 3 current authorities is ready.
		Authorities::set(vec![1.into(), 4.into(), 5.into()]);
		let status = &Upgrades::pending()[0];
		assert_eq!((status.readiness, status.ready), (Perbill::from_rational(1u32, 3), false));
		assert_eq!(Upgrades::signals(h).len(), 1);
	});
}

#[test]
fn one_activation_per_block_works() {
	build_and_execute(|| {
		let (a, b) = (code("metacert", 101), code("metacert", 102));
		let (ha, hb) = (note(&a), note(&b));
		// `a` waits for readiness past block 11, when `b` is due.
		assert_ok!(schedule_ready(ha, 10, 101, Perbill::one(), false, 30));
		assert_ok!(schedule(hb, 11, 102));
		all_ready(hb);
		run_to_block(11);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: hb, spec_version: 102, readiness: Perbill::one() }
		);
		all_ready(ha);
		System::reset_events();
		run_to_block(12);
		assert_eq!(
			last_event(),
			Event::UpgradeActivated { code_hash: ha, spec_version: 101, readiness: Perbill::one() }
		);
		let installed = System::events()
			.iter()
			.filter(|r| matches!(r.event, RuntimeEvent::Upgrades(Event::UpgradeActivated { .. })))
			.count();
		assert_eq!(installed, 1, "one installation in block 12");
		assert_eq!(runtime_code(), Some(a));
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
		assert_eq!(Upgrades::do_signal_readiness(1), Ok(0), "nothing pending");
		let h = note(&code("metacert", 101));
		assert_ok!(schedule(h, 10, 101));
		assert_eq!(Upgrades::do_signal_readiness(1), Ok(0), "the node has not judged the code");
		let set = |can_run: bool| {
			sp_io::offchain::local_storage_set(
				StorageKind::PERSISTENT,
				&verdict_key(&h),
				&can_run.encode(),
			)
		};
		set(true);
		assert_eq!(Upgrades::do_signal_readiness(1), Ok(1));
		let sent = |i: usize| {
			let xt = Extrinsic::decode(&mut &pool_state.read().transactions[i][..]).unwrap();
			let RuntimeCall::Upgrades(call) = xt.function else { panic!("an upgrades call") };
			call
		};
		let call = sent(0);
		{
			use frame_support::unsigned::ValidateUnsigned;
			assert_ok!(Upgrades::validate_unsigned(TransactionSource::Local, &call));
		}
		assert!(matches!(
			&call,
			crate::Call::signal_readiness { signal, .. }
				if signal.authority == UintAuthorityId(2) && signal.code_hash == h && signal.can_run
		));
		// Not again while the signal is valid, again after it while not on chain.
		assert_eq!(Upgrades::do_signal_readiness(5), Ok(0));
		System::set_block_number(1 + SIGNAL_LONGEVITY as u64);
		assert_eq!(Upgrades::do_signal_readiness(1 + SIGNAL_LONGEVITY as u64), Ok(1));
		let call = sent(1);
		// Once on chain, never again for this verdict.
		assert_ok!(frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
			call,
			RuntimeOrigin::none()
		));
		assert_eq!(Upgrades::do_signal_readiness(12), Ok(0));
		// The operator rolls back to a release that cannot run it: the node withdraws after
		// the cooldown.
		set(false);
		assert_eq!(Upgrades::do_signal_readiness(12), Ok(0), "cooldown");
		assert_eq!(Upgrades::do_signal_readiness(14), Ok(1));
		assert_eq!(pool_state.read().transactions.len(), 3);
		// A verdict that does not decode is an error, not a signal.
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &verdict_key(&h), &[7, 7]);
		assert!(Upgrades::do_signal_readiness(30).is_err());
	});
}
