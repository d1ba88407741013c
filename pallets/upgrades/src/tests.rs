//! Tests of pallet-upgrades.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::QueryPreimage};
use sp_runtime::traits::{BadOrigin, Hash as _};

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
	Upgrades::schedule_upgrade(RuntimeOrigin::root(), code_hash, at, spec_version, V1)
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
			}
			.into(),
		);
		assert_eq!(Upgrades::pending().len(), 1);
		assert!(Preimage::is_requested(&h));
		// Kept in activation order.
		let h2 = note(&code("metacert", 102));
		assert_ok!(schedule(h2, 8, 102));
		let blocks: Vec<_> = Upgrades::pending().iter().map(|u| u.activate_at).collect();
		assert_eq!(blocks, vec![8, 10]);
	});
}

#[test]
fn schedule_upgrade_fails() {
	build_and_execute(|| {
		let h = note(&code("metacert", 101));
		assert_noop!(
			Upgrades::schedule_upgrade(RuntimeOrigin::signed(1), h, 10, 101, V1),
			BadOrigin
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
		assert_eq!(last_event(), Event::UpgradeActivated { code_hash: h, spec_version: 101 });
		System::assert_has_event(frame_system::Event::CodeUpdated { hash: h }.into());
		assert_eq!(runtime_code(), Some(new));
		assert!(Upgrades::pending().is_empty());
		assert!(!Preimage::is_requested(&h));
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
fn node_versions_order_works() {
	let v = |major, minor, patch| NodeVersion { major, minor, patch };
	assert!(v(1, 2, 0) < v(1, 10, 0));
	assert!(v(1, 9, 9) < v(2, 0, 0));
	assert!(v(0, 0, 1) > v(0, 0, 0));
	assert_eq!(v(1, 2, 3), v(1, 2, 3));
}
