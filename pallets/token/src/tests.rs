//! Tests of pallet-token: calls, events and errors, voting power at snapshots and delegation,
//! fungible conformance, and a differential test against pallet-balances.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectFreeze, InspectHold, Mutate, MutateFreeze, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::{DispatchError, TokenError};

type Balances = Token;

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Token(e) = r.event { Some(e) } else { None })
		.collect()
}

// ---------------------------------------------------------------- calls, events, errors

#[test]
fn genesis_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Balances::free_balance(&1), 100);
		assert_eq!(Balances::total_issuance(), 1000);
		assert_eq!(System::account(1).data, AccountData { free: 100, ..Default::default() });
		assert!(System::account(1).data.flags.is_new_logic());
		assert_eq!(System::providers(&1), 1);
	});
}

/// `who` holds nothing any more: it is gone, or only its record for its voting power at readable
/// snapshots stays (the genesis block is one).
fn assert_reaped(who: u64) {
	let account = Balances::account(&who);
	assert_eq!(Balances::total_balance(&who), 0);
	assert_eq!(System::providers(&who), 0);
	assert!(
		!System::account_exists(&who) || Balances::kept_for_snapshots(&account),
		"{who} is alive: {account:?}"
	);
}

#[test]
fn transfer_allow_death_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 60));
		assert_eq!(Balances::free_balance(&1), 40);
		assert_eq!(Balances::free_balance(&2), 260);
		System::assert_last_event(Event::Transfer { from: 1, to: 2, amount: 60 }.into());
		// The whole balance: the account is reaped (only its record for the readable genesis
		// snapshot stays).
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 5, 40));
		assert_reaped(1);
		assert!(events().contains(&Event::Endowed { account: 5, free_balance: 40 }));
	});
}

#[test]
fn transfer_keep_alive_works() {
	ExtBuilder::default().existential_deposit(10).build_and_execute(|| {
		assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(1), 2, 90));
		System::assert_last_event(Event::Transfer { from: 1, to: 2, amount: 90 }.into());
		assert_eq!(Balances::free_balance(&1), 10);
	});
}

#[test]
fn transfer_keep_alive_below_ed_fails() {
	ExtBuilder::default().existential_deposit(10).build_and_execute(|| {
		assert_noop!(
			Balances::transfer_keep_alive(RuntimeOrigin::signed(1), 2, 91),
			TokenError::NotExpendable
		);
	});
}

#[test]
fn transfer_below_ed_to_new_account_fails() {
	ExtBuilder::default().existential_deposit(10).build_and_execute(|| {
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 9, 5),
			TokenError::BelowMinimum
		);
	});
}

#[test]
fn transfer_of_max_balance_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// More than the whole issuance: the issuance check fails first (as in pallet-balances).
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, u64::MAX),
			ArithmeticError::Underflow
		);
		// More than the balance.
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 101),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn self_transfer_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 1, 10),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			Balances::transfer_keep_alive(RuntimeOrigin::signed(1), 1, 10),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			Balances::transfer_all(RuntimeOrigin::signed(1), 1, false),
			Error::<Test>::SelfTransfer
		);
	});
}

#[test]
fn transfer_all_works() {
	ExtBuilder::default().existential_deposit(10).build_and_execute(|| {
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, true));
		System::assert_last_event(Event::Transfer { from: 1, to: 2, amount: 90 }.into());
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(3), 2, false));
		System::assert_last_event(Event::Transfer { from: 3, to: 2, amount: 300 }.into());
		assert_reaped(3);
	});
}

#[test]
fn force_transfer_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::force_transfer(RuntimeOrigin::root(), 1, 2, 10));
		System::assert_last_event(Event::Transfer { from: 1, to: 2, amount: 10 }.into());
	});
}

#[test]
fn force_calls_by_signed_origin_fail() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::force_transfer(RuntimeOrigin::signed(1), 1, 2, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Balances::force_set_balance(RuntimeOrigin::signed(1), 1, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Balances::force_adjust_total_issuance(
				RuntimeOrigin::signed(1),
				AdjustmentDirection::Increase,
				1
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn force_set_balance_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), 1, 500));
		System::assert_last_event(Event::BalanceSet { who: 1, free: 500 }.into());
		assert_eq!(Balances::total_issuance(), 1400);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), 1, 0));
		assert_reaped(1);
		assert_eq!(Balances::total_issuance(), 900);
	});
}

#[test]
fn force_adjust_total_issuance_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::force_adjust_total_issuance(
			RuntimeOrigin::root(),
			AdjustmentDirection::Increase,
			5
		));
		System::assert_last_event(Event::TotalIssuanceForced { old: 1000, new: 1005 }.into());
		// Back, so that try_state's sum check holds.
		assert_ok!(Balances::force_adjust_total_issuance(
			RuntimeOrigin::root(),
			AdjustmentDirection::Decrease,
			5
		));
	});
}

#[test]
fn force_adjust_total_issuance_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::force_adjust_total_issuance(
				RuntimeOrigin::root(),
				AdjustmentDirection::Increase,
				0
			),
			Error::<Test>::DeltaZero
		);
		assert_noop!(
			Balances::force_adjust_total_issuance(
				RuntimeOrigin::root(),
				AdjustmentDirection::Increase,
				u64::MAX
			),
			ArithmeticError::Overflow
		);
	});
}

#[test]
fn burn_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::burn(RuntimeOrigin::signed(1), 30, true));
		System::assert_last_event(Event::Burned { who: 1, amount: 30 }.into());
		assert_eq!(Balances::total_issuance(), 970);
		// The supply at the genesis snapshot is what it was.
		assert_eq!(Balances::total_supply_at(0), Some(1000));
	});
}

#[test]
fn burn_more_than_balance_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::burn(RuntimeOrigin::signed(1), 101, false),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn overflowing_mint_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(<Balances as Mutate<_>>::mint_into(&1, u64::MAX), ArithmeticError::Overflow);
	});
}

#[test]
fn holds_and_freezes_work() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 30));
		System::assert_last_event(Event::Held { reason: TestId::Foo, who: 1, amount: 30 }.into());
		assert_eq!(Balances::balance_on_hold(&TestId::Foo, &1), 30);
		assert_eq!(System::account(1).data.reserved, 30);
		assert_ok!(<Balances as MutateFreeze<_>>::set_freeze(&TestId::Bar, &1, 50));
		System::assert_last_event(Event::Frozen { who: 1, amount: 50 }.into());
		assert_eq!(Balances::balance_frozen(&TestId::Bar, &1), 50);
		// 100 total, 50 frozen of which 30 is on hold: 50 of the free 70 can move.
		assert_eq!(
			Balances::reducible_balance(&1, Preservation::Expendable, Fortitude::Polite),
			50
		);
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 51),
			TokenError::Frozen
		);
		assert_ok!(<Balances as MutateHold<_>>::release(&TestId::Foo, &1, 30, Precision::Exact));
		System::assert_last_event(
			Event::Released { reason: TestId::Foo, who: 1, amount: 30 }.into(),
		);
		assert_ok!(<Balances as MutateFreeze<_>>::thaw(&TestId::Bar, &1));
		System::assert_last_event(Event::Thawed { who: 1, amount: 50 }.into());
	});
}

#[test]
fn too_many_holds_and_freezes_fail() {
	ExtBuilder::default().build_and_execute(|| {
		// The bounds equal the number of ids, so every id fits; a fourth cannot exist. The
		// errors are reachable through the bounded lists directly.
		for id in [TestId::Foo, TestId::Bar, TestId::Baz] {
			assert_ok!(<Balances as MutateHold<_>>::hold(&id, &1, 1));
			assert_ok!(<Balances as MutateFreeze<_>>::set_freeze(&id, &1, 1));
		}
		assert!(Balances::hold_available(&TestId::Foo, &1));
		assert!(Balances::can_freeze(&TestId::Foo, &1));
	});
}

#[test]
fn force_unreserve_changes_nothing_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 30));
		let before = System::account(1);
		assert_ok!(Balances::force_unreserve(RuntimeOrigin::root(), 1, 30));
		assert_eq!(System::account(1), before);
		assert_eq!(Balances::balance_on_hold(&TestId::Foo, &1), 30);
		assert_noop!(
			Balances::force_unreserve(RuntimeOrigin::signed(1), 1, 30),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn upgrade_accounts_works() {
	ExtBuilder::default().build_and_execute(|| {
		let info = Balances::upgrade_accounts(RuntimeOrigin::signed(9), vec![1, 2, 9]).unwrap();
		// Nothing needed an upgrade: the fee is paid, as in pallet-balances.
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::Yes);
		assert!(System::account(1).data.flags.is_new_logic());
	});
}

/// Clients decode `Balances` events and errors by index: those both pallets have encode alike.
#[test]
fn events_and_errors_encode_as_in_pallet_balances_works() {
	use codec::Encode;
	use pallet_balances::{Error as E, Event as B};
	type R = crate::mock::reference::Reference;
	let (a, b, n, id) = (1u64, 2u64, 7u64, TestId::Bar);
	let pairs: Vec<(Event<Test>, B<R>)> = vec![
		(
			Event::Endowed { account: a, free_balance: n },
			B::Endowed { account: a, free_balance: n },
		),
		(Event::DustLost { account: a, amount: n }, B::DustLost { account: a, amount: n }),
		(Event::Transfer { from: a, to: b, amount: n }, B::Transfer { from: a, to: b, amount: n }),
		(Event::BalanceSet { who: a, free: n }, B::BalanceSet { who: a, free: n }),
		(Event::Deposit { who: a, amount: n }, B::Deposit { who: a, amount: n }),
		(Event::Withdraw { who: a, amount: n }, B::Withdraw { who: a, amount: n }),
		(Event::Slashed { who: a, amount: n }, B::Slashed { who: a, amount: n }),
		(Event::Minted { who: a, amount: n }, B::Minted { who: a, amount: n }),
		(Event::Burned { who: a, amount: n }, B::Burned { who: a, amount: n }),
		(Event::Suspended { who: a, amount: n }, B::Suspended { who: a, amount: n }),
		(Event::Restored { who: a, amount: n }, B::Restored { who: a, amount: n }),
		(Event::Issued { amount: n }, B::Issued { amount: n }),
		(Event::Rescinded { amount: n }, B::Rescinded { amount: n }),
		(Event::Frozen { who: a, amount: n }, B::Frozen { who: a, amount: n }),
		(Event::Thawed { who: a, amount: n }, B::Thawed { who: a, amount: n }),
		(Event::TotalIssuanceForced { old: n, new: a }, B::TotalIssuanceForced { old: n, new: a }),
		(Event::Held { reason: id, who: a, amount: n }, B::Held { reason: id, who: a, amount: n }),
		(
			Event::BurnedHeld { reason: id, who: a, amount: n },
			B::BurnedHeld { reason: id, who: a, amount: n },
		),
		(
			Event::TransferOnHold { reason: id, source: a, dest: b, amount: n },
			B::TransferOnHold { reason: id, source: a, dest: b, amount: n },
		),
		(
			Event::TransferAndHold { reason: id, source: a, dest: b, transferred: n },
			B::TransferAndHold { reason: id, source: a, dest: b, transferred: n },
		),
		(
			Event::Released { reason: id, who: a, amount: n },
			B::Released { reason: id, who: a, amount: n },
		),
	];
	for (ours, theirs) in pairs {
		assert_eq!(ours.encode(), theirs.encode(), "{ours:?}");
	}
	let errors: Vec<(Error<Test>, E<R>)> = vec![
		(Error::LiquidityRestrictions, E::LiquidityRestrictions),
		(Error::InsufficientBalance, E::InsufficientBalance),
		(Error::ExistentialDeposit, E::ExistentialDeposit),
		(Error::Expendability, E::Expendability),
		(Error::DeadAccount, E::DeadAccount),
		(Error::TooManyHolds, E::TooManyHolds),
		(Error::TooManyFreezes, E::TooManyFreezes),
		(Error::IssuanceDeactivated, E::IssuanceDeactivated),
		(Error::DeltaZero, E::DeltaZero),
	];
	for (ours, theirs) in errors {
		assert_eq!(ours.encode(), theirs.encode(), "{ours:?}");
		let (ours, theirs): (DispatchError, DispatchError) = (ours.into(), theirs.into());
		match (ours, theirs) {
			(DispatchError::Module(o), DispatchError::Module(t)) => {
				assert_eq!((o.error, o.message), (t.error, t.message))
			},
			other => panic!("not module errors: {other:?}"),
		}
	}
	// The calls too: same indices and arguments.
	let call = Call::<Test>::transfer_keep_alive { dest: b, value: n };
	let theirs = pallet_balances::Call::<R>::transfer_keep_alive { dest: b, value: n };
	assert_eq!(call.encode(), theirs.encode());
	let call = Call::<Test>::force_unreserve { who: a, amount: n };
	let theirs = pallet_balances::Call::<R>::force_unreserve { who: a, amount: n };
	assert_eq!(call.encode(), theirs.encode());
	let call = Call::<Test>::upgrade_accounts { who: vec![a] };
	let theirs = pallet_balances::Call::<R>::upgrade_accounts { who: vec![a] };
	assert_eq!(call.encode(), theirs.encode());
}

// ---------------------------------------------------------------- voting power at snapshots

/// Runs to the first block after snapshot `snapshot` (taken at the end of that block).
fn after_snapshot(snapshot: u64) {
	run_to_block(snapshot + 1);
}

#[test]
fn genesis_is_the_first_snapshot_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Balances::voting_power_at(&4, 0), Some(400));
		assert_eq!(Balances::total_supply_at(0), Some(1000));
		assert_eq!(Balances::readable_snapshots(), vec![0]);
		assert_eq!(<Balances as VotingPower<_, _, _>>::snapshot_for(1), Some(0));
		assert_eq!(<Balances as VotingPower<_, _, _>>::readable_until(0), Some(4 * PERIOD));
		assert_eq!(Balances::longest_voting_period(), 3 * PERIOD);
	});
}

#[test]
fn snapshot_values_are_exact_works() {
	ExtBuilder::empty().build_and_execute(|| {
		run_to_block(5);
		set_balance(1, 100);
		set_balance(2, 1);
		after_snapshot(10);
		// Several moves after the snapshot: what is read at it never changes.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 50));
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 3, 20));
		run_to_block(15);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::voting_power_at(&2, 10), Some(1));
		assert_eq!(Balances::voting_power_at(&3, 10), Some(0));
		assert_eq!(Balances::voting_power_at(&1, 0), Some(0));
		assert_eq!(Balances::total_supply_at(10), Some(101));
		assert_eq!(Balances::total_supply_at(0), Some(0));
		// One value per snapshot, whatever the number of changes after it: 2 was created
		// after snapshot 0 (0 at it) and changed three times after snapshot 10.
		let values: Vec<_> =
			System::account(2).data.snapshots.iter().map(|v| (v.snapshot, v.value)).collect();
		assert_eq!(values, vec![(0, 0), (10, 1)]);
		after_snapshot(20);
		assert_eq!(Balances::voting_power_at(&2, 20), Some(81));
		assert_eq!(Balances::voting_power_at(&1, 20), Some(0));
	});
}

#[test]
fn unreadable_snapshots_have_no_value_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(41);
		// Four readable at once: 10, 20, 30, 40.
		assert_eq!(Balances::readable_snapshots(), vec![10, 20, 30, 40]);
		// (block, readable)
		for (block, readable) in [(0, false), (5, false), (10, true), (40, true), (50, false)] {
			assert_eq!(Balances::voting_power_at(&1, block).is_some(), readable, "block {block}");
			assert_eq!(Balances::total_supply_at(block).is_some(), readable, "block {block}");
		}
	});
}

#[test]
fn snapshot_through_utility_batch_works() {
	ExtBuilder::empty().build_and_execute(|| {
		set_balance(1, 100);
		after_snapshot(10);
		let calls = vec![
			RuntimeCall::Token(Call::transfer_allow_death { dest: 2, value: 40 }),
			RuntimeCall::Token(Call::transfer_allow_death { dest: 3, value: 60 }),
		];
		assert_ok!(Utility::batch_all(RuntimeOrigin::signed(1), calls));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::voting_power_at(&2, 10), Some(0));
		after_snapshot(20);
		assert_eq!(Balances::voting_power_at(&1, 20), Some(0));
		assert_eq!(Balances::voting_power_at(&3, 20), Some(60));
	});
}

#[test]
fn held_funds_count_as_voting_power_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 60));
		assert_ok!(<Balances as MutateFreeze<_>>::set_freeze(&TestId::Bar, &1, 90));
		assert_eq!(Balances::current_voting_power(&1), 100);
		after_snapshot(10);
		// Burning held funds reduces it from then on.
		assert_ok!(<Balances as MutateHold<_>>::burn_held(
			&TestId::Foo,
			&1,
			10,
			Precision::Exact,
			Fortitude::Force
		));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		after_snapshot(20);
		assert_eq!(Balances::voting_power_at(&1, 20), Some(90));
	});
}

/// The attack on v0's history: an outsider sends 1-planck transfers to a victim in many blocks.
/// The victim's power at every readable snapshot stays exact and its record stays bounded.
#[test]
fn outsider_transfers_cannot_change_power_at_snapshots_works() {
	ExtBuilder::default().build_and_execute(|| {
		let mut at_end = vec![200u64];
		for block in 1..=200u64 {
			run_to_block(block);
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(4), 2, 1));
			at_end.push(Balances::current_voting_power(&2));
			assert!(System::account(2).data.snapshots.len() <= 4);
		}
		run_to_block(201);
		for snapshot in Balances::readable_snapshots() {
			assert_eq!(Balances::voting_power_at(&2, snapshot), Some(at_end[snapshot as usize]));
		}
	});
}

#[test]
fn reaped_account_keeps_its_power_at_snapshots_works() {
	ExtBuilder::default().build_and_execute(|| {
		after_snapshot(10);
		let nonce = 7;
		frame_system::Account::<Test>::mutate(1, |a| a.nonce = nonce);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		// Dead to balances, but its record stays for snapshot 10, with its nonce.
		assert_eq!(Balances::total_balance(&1), 0);
		assert!(Balances::kept_for_snapshots(&Balances::account(&1)));
		assert_eq!(System::account(1).nonce, nonce);
		assert_eq!((System::providers(&1), System::sufficients(&1)), (0, 1));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::current_voting_power(&1), 0);
		// Back to life in a later period, as a new account: the old value still reads.
		after_snapshot(20);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 1, 30));
		System::assert_has_event(Event::Endowed { account: 1, free_balance: 30 }.into());
		assert_eq!((System::providers(&1), System::sufficients(&1)), (1, 0));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::voting_power_at(&1, 20), Some(0));
		after_snapshot(30);
		assert_eq!(Balances::voting_power_at(&1, 30), Some(30));
		// Reaped again: both periods still read.
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::voting_power_at(&1, 20), Some(0));
		assert_eq!(Balances::voting_power_at(&1, 30), Some(30));
	});
}

#[test]
fn a_kept_record_is_a_dead_account_to_balances_works() {
	ExtBuilder::default().existential_deposit(10).build_and_execute(|| {
		after_snapshot(10);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert!(Balances::kept_for_snapshots(&Balances::account(&1)));
		// Less than the existential deposit cannot create it, as with a dead account.
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(3), 1, 9),
			TokenError::BelowMinimum
		);
		// Nothing to spend, hold or delegate.
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 3, 1),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 3, 10),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn delegating_to_a_kept_record_and_back_keeps_its_values_works() {
	ExtBuilder::default().build_and_execute(|| {
		after_snapshot(10);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert_eq!((System::providers(&1), System::sufficients(&1)), (0, 1));
		// Someone delegates to the kept record: it now exists for the power it receives.
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(3), 1, 50));
		assert!(!Balances::kept_for_snapshots(&Balances::account(&1)));
		assert_eq!((System::providers(&1), System::sufficients(&1)), (0, 1));
		assert_eq!(Balances::current_voting_power(&1), 50);
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		// Taken back: a kept record again, its value at snapshot 10 unchanged.
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(3)));
		assert!(Balances::kept_for_snapshots(&Balances::account(&1)));
		assert_eq!((System::providers(&1), System::sufficients(&1)), (0, 1));
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		// Once snapshot 10 is no longer readable, anyone removes it, references and all.
		run_to_block(51);
		assert_ok!(Balances::clear_reaped_power(RuntimeOrigin::signed(9), 1));
		assert_eq!((System::providers(&1), System::sufficients(&1)), (0, 0));
		assert!(!System::account_exists(&1));
	});
}

#[test]
fn reaping_an_account_with_only_zero_values_keeps_nothing_works() {
	ExtBuilder::default().build_and_execute(|| {
		after_snapshot(10);
		// 1 delegates to a new account 42 (power 0 at snapshot 10), then moves the delegation:
		// 42 is reaped, and its only value (0 at 10) reads as a dead account does.
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 42, 10));
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 43, 10));
		assert!(!System::account_exists(&42));
		assert_eq!(Balances::voting_power_at(&42, 10), Some(0));
		// An account reaped with power at a snapshot keeps it.
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(2), 3, false));
		assert_eq!(Balances::voting_power_at(&2, 10), Some(200));
		assert!(System::account_exists(&2));
		// Created and reaped between two snapshots: nothing to keep.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 44, 5));
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(44), 3, false));
		assert!(!System::account_exists(&44));
	});
}

#[test]
fn clear_reaped_power_works() {
	ExtBuilder::default().build_and_execute(|| {
		after_snapshot(10);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert!(System::account_exists(&1));
		// Snapshot 10 is readable up to block 50.
		run_to_block(50);
		assert_noop!(
			Balances::clear_reaped_power(RuntimeOrigin::signed(9), 1),
			Error::<Test>::NothingToClear
		);
		run_to_block(51);
		let info = Balances::clear_reaped_power(RuntimeOrigin::signed(9), 1).unwrap();
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		System::assert_last_event(Event::ReapedPowerCleared { who: 1 }.into());
		assert!(!System::account_exists(&1));
		assert_noop!(
			Balances::clear_reaped_power(RuntimeOrigin::signed(9), 1),
			Error::<Test>::NothingToClear
		);
	});
}

#[test]
fn clear_reaped_power_of_a_live_account_fails() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(200);
		// Alive (with old values), and never existed.
		assert_noop!(
			Balances::clear_reaped_power(RuntimeOrigin::signed(9), 2),
			Error::<Test>::NothingToClear
		);
		assert_noop!(
			Balances::clear_reaped_power(RuntimeOrigin::signed(9), 77),
			Error::<Test>::NothingToClear
		);
	});
}

#[test]
fn supply_at_snapshots_is_exact_works() {
	ExtBuilder::default().build_and_execute(|| {
		let mut at_end = vec![1000u64];
		for block in 1..=60u64 {
			run_to_block(block);
			assert_ok!(Balances::burn(RuntimeOrigin::signed(4), 1, true));
			at_end.push(Balances::total_issuance());
			assert!(Snapshots::<Test>::get().supply.len() <= 4);
		}
		run_to_block(61);
		for snapshot in Balances::readable_snapshots() {
			assert_eq!(Balances::total_supply_at(snapshot), Some(at_end[snapshot as usize]));
		}
	});
}

// ---------------------------------------------------------------- delegation

#[test]
fn delegate_works() {
	ExtBuilder::default().build_and_execute(|| {
		after_snapshot(10);
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 60));
		System::assert_last_event(Event::Delegated { who: 1, to: 2, amount: 60 }.into());
		assert_eq!(Balances::current_voting_power(&1), 40);
		assert_eq!(Balances::current_voting_power(&2), 260);
		assert_eq!(Balances::delegation_of(&1), Some(Delegation { to: 2, amount: 60 }));
		// The delegated amount is frozen.
		assert_eq!(System::account(1).data.frozen, 60);
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(1), 3, 41),
			TokenError::Frozen
		);
		// Power at the snapshot before is unchanged.
		assert_eq!(Balances::voting_power_at(&1, 10), Some(100));
		assert_eq!(Balances::voting_power_at(&2, 10), Some(200));
		after_snapshot(20);
		assert_eq!(Balances::voting_power_at(&1, 20), Some(40));
		assert_eq!(Balances::voting_power_at(&2, 20), Some(260));
	});
}

#[test]
fn delegator_transfers_never_touch_the_delegate_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 50));
		after_snapshot(10);
		let delegate = System::account(2);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 3, 30));
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(4), 1, 70));
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 20));
		assert_eq!(System::account(2), delegate);
		assert_eq!(Balances::current_voting_power(&1), 140 - 50);
	});
}

#[test]
fn redelegation_replaces_the_delegation_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 50));
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 3, 80));
		let events = events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::Undelegated { who: 1, from: 2, amount: 50 },
				Event::Delegated { who: 1, to: 3, amount: 80 }
			]
		);
		assert_eq!(Balances::current_voting_power(&2), 200);
		assert_eq!(Balances::current_voting_power(&3), 380);
		assert_eq!(Balances::current_voting_power(&1), 20);
	});
}

#[test]
fn undelegate_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 100));
		after_snapshot(10);
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
		System::assert_last_event(Event::Undelegated { who: 1, from: 2, amount: 100 }.into());
		assert_eq!(Balances::current_voting_power(&1), 100);
		assert_eq!(Balances::current_voting_power(&2), 200);
		assert_eq!(Balances::voting_power_at(&2, 10), Some(300));
		assert_eq!(System::account(1).data.frozen, 0);
		assert!(Balances::delegation_of(&1).is_none());
	});
}

/// v0's griefing: anyone could delegate to a victim, who then could never delegate. Now being a
/// delegate changes nothing about one's own delegation.
#[test]
fn nobody_can_block_a_delegation_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(3), 1, 300));
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 100));
		assert_eq!(Balances::current_voting_power(&1), 300);
		assert_eq!(Balances::current_voting_power(&2), 300);
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::current_voting_power(&1), 400);
		// The delegate cannot touch its delegators' delegations either.
		assert_noop!(Balances::undelegate(RuntimeOrigin::signed(1)), Error::<Test>::NotDelegating);
		assert_eq!(Balances::delegation_of(&3), Some(Delegation { to: 1, amount: 300 }));
	});
}

#[test]
fn delegating_to_a_new_account_creates_it_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(!System::account_exists(&99));
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 99, 10));
		assert!(System::account_exists(&99));
		assert_eq!(Balances::current_voting_power(&99), 10);
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
		assert!(!System::account_exists(&99));
	});
}

#[test]
fn bad_delegations_fail() {
	ExtBuilder::default().existential_deposit(5).build_and_execute(|| {
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 1, 10),
			Error::<Test>::SelfDelegation
		);
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 2, 4),
			Error::<Test>::DelegationTooSmall
		);
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 2, 101),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(9), 2, 5),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Balances::undelegate(RuntimeOrigin::signed(1)), Error::<Test>::NotDelegating);
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 100));
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 3, u64::MAX),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn slash_below_the_delegation_reduces_it_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 80));
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2, 100));
		assert_ok!(<Balances as MutateHold<_>>::burn_held(
			&TestId::Foo,
			&1,
			50,
			Precision::Exact,
			Fortitude::Force
		));
		System::assert_has_event(Event::DelegationReduced { who: 1, to: 2, amount: 50 }.into());
		assert_eq!(Balances::delegation_of(&1), Some(Delegation { to: 2, amount: 50 }));
		assert_eq!(Balances::current_voting_power(&2), 250);
		assert_eq!(Balances::current_voting_power(&1), 0);
	});
}

/// Random sequences of transfers, burns, holds, delegations and undelegations over many
/// blocks: every readable snapshot reads, for every account and the supply, the value at the
/// end of its block, and the invariants hold after every step.
#[test]
fn power_at_snapshots_is_exact_under_random_sequences_works() {
	let mut seed = 0x9e37_79b9_7f4a_7c15u64;
	let mut next = move || {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		seed
	};
	for _ in 0..4 {
		ExtBuilder::default().build_and_execute(|| {
			// at_end[block][account] (account 0: the supply)
			let mut at_end: Vec<Vec<u64>> = Vec::new();
			let accounts = 1..=6u64;
			let record = |at_end: &mut Vec<Vec<u64>>| {
				let mut row = vec![Balances::total_issuance()];
				row.extend(accounts.clone().map(|a| Balances::current_voting_power(&a)));
				at_end.push(row);
			};
			record(&mut at_end);
			for block in 1..=120u64 {
				run_to_block(block);
				for _ in 0..(next() % 4) {
					let (a, b) = (1 + next() % 6, 1 + next() % 6);
					let amount = next() % 150;
					let s = RuntimeOrigin::signed(a);
					let _ = match next() % 7 {
						0 | 1 => Balances::transfer_allow_death(s, b, amount),
						2 => Balances::burn(s, amount, false),
						3 => Balances::delegate(s, b, amount),
						4 => Balances::undelegate(s),
						5 => <Balances as MutateHold<_>>::hold(&TestId::Foo, &a, amount),
						_ => <Balances as MutateHold<_>>::burn_held(
							&TestId::Foo,
							&a,
							amount,
							Precision::BestEffort,
							Fortitude::Force,
						)
						.map(|_| ()),
					};
					Token::do_try_state().expect("invariants hold after every step");
				}
				record(&mut at_end);
				run_to_block(block + 1);
				for snapshot in Balances::readable_snapshots() {
					let row = &at_end[snapshot as usize];
					assert_eq!(Balances::total_supply_at(snapshot), Some(row[0]));
					for a in accounts.clone() {
						assert_eq!(
							Balances::voting_power_at(&a, snapshot),
							Some(row[a as usize]),
							"account {a} snapshot {snapshot} block {block}"
						);
					}
				}
			}
		});
	}
}

// ---------------------------------------------------------------- migration from v0

mod migration {
	use super::*;
	use crate::migrations::{v0, v1, LegacyHistoryUntil};
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		weights::Weight,
	};

	frame_support::parameter_types! {
		pub const NewPeriod: u64 = 5;
		pub const KeepUntil: u64 = 30;
	}

	/// Rewrites the genesis state in the v0 layout: accounts with pallet-balances' four fields,
	/// 1 delegating its whole balance to 2, checkpoint histories, no snapshot state.
	fn to_v0() {
		for who in 1..=4u64 {
			v0::rewrite_as_v0::<Test>(&who);
		}
		v0::DelegateOf::<Test>::insert(1, 2);
		v0::DelegatedTo::<Test>::insert(2, (100u64, 1u32));
		// v0 history of 2: 200 until block 3, 300 (with 1's delegation) from block 3 on.
		let history = vec![
			v0::Checkpoint { block: 0u64, value: 200u64 },
			v0::Checkpoint { block: 3, value: 300 },
		];
		v0::CheckpointsOf::<Test>::insert(2, history);
		v0::SupplyHistory::<Test>::put((0u32, 1u32));
		v0::SupplyCheckpointAt::<Test>::insert(0, v0::Checkpoint { block: 0u64, value: 1000u64 });
		Snapshots::<Test>::kill();
		StorageVersion::new(0).put::<Token>();
	}

	#[test]
	fn migration_to_v1_works() {
		ExtBuilder::default().build_and_execute(|| {
			to_v0();
			run_to_block(10);
			let weight = v1::MigrateToV1::<Test, NewPeriod, KeepUntil>::on_runtime_upgrade();
			// 4 accounts, 1 delegation (5 reads, 4 writes), 1 delegate entry, 2 values.
			assert_eq!(
				weight,
				<Test as frame_system::Config>::DbWeight::get()
					.reads_writes(4 + 5 + 1 + 2, 4 + 4 + 1 + 2)
			);
			assert_eq!(Token::on_chain_storage_version(), 1);
			// Balances unchanged; the delegation is now of 1's whole balance, frozen.
			assert_eq!(Balances::free_balance(&1), 100);
			assert_eq!(Balances::delegation_of(&1), Some(Delegation { to: 2, amount: 100 }));
			assert_eq!(System::account(1).data.frozen, 100);
			// Power at the upgrade block is unchanged.
			assert_eq!(Balances::current_voting_power(&1), 0);
			assert_eq!(Balances::current_voting_power(&2), 300);
			assert_eq!(Balances::current_voting_power(&3), 300);
			assert!(v0::DelegateOf::<Test>::iter().next().is_none());
			assert!(v0::DelegatedTo::<Test>::iter().next().is_none());
			// Snapshots start at the upgrade block.
			assert_eq!(Snapshots::<Test>::get().first, 10);
			assert_eq!(Snapshots::<Test>::get().period, 5);
			assert_eq!(<Balances as VotingPower<_, _, _>>::snapshot_for(10), None);
			assert_eq!(<Balances as VotingPower<_, _, _>>::snapshot_for(11), Some(10));
			// A proposal opened before the upgrade (snapshot block 4) reads v0's history.
			assert_eq!(Balances::voting_power_at(&2, 4), Some(300));
			assert_eq!(Balances::voting_power_at(&2, 2), Some(200));
			// A second run changes nothing.
			v1::MigrateToV1::<Test, NewPeriod, KeepUntil>::on_runtime_upgrade();
			assert_eq!(Balances::delegation_of(&1), Some(Delegation { to: 2, amount: 100 }));
			// After the last legacy voting end, v0's history goes, in `on_idle`.
			run_to_block(30);
			<Token as frame_support::traits::Hooks<u64>>::on_idle(30, Weight::MAX);
			assert!(LegacyHistoryUntil::<Test>::get().is_some(), "kept up to the last voting end");
			run_to_block(31);
			assert_eq!(Balances::voting_power_at(&2, 4), None);
			<Token as frame_support::traits::Hooks<u64>>::on_idle(31, Weight::MAX);
			assert!(v0::CheckpointsOf::<Test>::iter().next().is_none());
			assert!(v0::SupplyCheckpointAt::<Test>::iter().next().is_none());
			assert!(LegacyHistoryUntil::<Test>::get().is_none());
			// The migrated delegator can undelegate.
			assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
			assert_eq!(Balances::current_voting_power(&1), 100);
		});
	}

	#[cfg(feature = "try-runtime")]
	#[test]
	fn migration_checks_pass_works() {
		ExtBuilder::default().build_and_execute(|| {
			to_v0();
			run_to_block(10);
			let state = v1::MigrateToV1::<Test, NewPeriod, KeepUntil>::pre_upgrade().unwrap();
			v1::MigrateToV1::<Test, NewPeriod, KeepUntil>::on_runtime_upgrade();
			v1::MigrateToV1::<Test, NewPeriod, KeepUntil>::post_upgrade(state).unwrap();
		});
	}
}

// ---------------------------------------------------------------- fungible conformance

macro_rules! conformance {
	($scope:ident :: $module:ident, [$($name:ident),* $(,)?]) => {
		mod $module {
			use super::*;
			use frame_support::traits::fungible::conformance_tests::$scope::$module as suite;
			$(
				#[test]
				fn $name() {
					// The suites break issuance on purpose (set_total_issuance, issue, ...), so
					// they run without the try_state check.
					for ed in [1u64, 5, 1000] {
						ExtBuilder::empty().existential_deposit(ed).build().execute_with(|| {
							suite::$name::<Token, u64>();
						});
					}
				}
			)*
		}
	};
}

mod conformance_regular {
	use super::*;

	conformance!(
		regular::mutate,
		[
			mint_into_success,
			mint_into_overflow,
			mint_into_below_minimum,
			burn_from_exact_success,
			burn_from_best_effort_success,
			burn_from_exact_insufficient_funds,
			restore_success,
			restore_overflow,
			restore_below_minimum,
			shelve_success,
			shelve_insufficient_funds,
			transfer_success,
			transfer_expendable_all,
			transfer_protect_preserve,
			set_balance_mint_success,
			set_balance_burn_success,
			can_deposit_success,
			can_deposit_below_minimum,
			can_deposit_overflow,
			can_withdraw_success,
			can_withdraw_reduced_to_zero,
			can_withdraw_balance_low,
			reducible_balance_expendable,
			reducible_balance_protect_preserve,
		]
	);
	conformance!(
		regular::unbalanced,
		[
			write_balance,
			decrease_balance_expendable,
			decrease_balance_preserve,
			increase_balance,
			set_total_issuance,
			deactivate_and_reactivate,
		]
	);
	conformance!(
		regular::balanced,
		[issue_and_resolve_credit, rescind_and_settle_debt, deposit, withdraw, pair,]
	);

	#[test]
	fn transfer_expendable_dust() {
		use frame_support::traits::fungible::conformance_tests::regular::mutate;
		for ed in [1u64, 5, 1000] {
			ExtBuilder::empty().existential_deposit(ed).build().execute_with(|| {
				mutate::transfer_expendable_dust::<Token, u64>(None);
			});
			let trap = 65174286u64;
			ExtBuilder::empty().existential_deposit(ed).dust_trap(trap).build().execute_with(
				|| {
					set_balance(trap, ed);
					mutate::transfer_expendable_dust::<Token, u64>(Some(trap));
				},
			);
		}
	}
}

#[test]
fn transfer_whose_dust_goes_to_the_recipient_works() {
	// The sender is reaped and its dust goes to the recipient: the recipient gets both (a
	// transfer reads the recipient again after the dust moved).
	ExtBuilder::empty().existential_deposit(50).dust_trap(2).build().execute_with(|| {
		set_balance(1, 100);
		set_balance(2, 500);
		let issuance = Balances::total_issuance();
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 60));
		assert_eq!(Balances::free_balance(&1), 0);
		assert_eq!(Balances::free_balance(&2), 600);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

// ---------------------------------------------------------------- differential vs pallet-balances

mod differential {
	use super::*;
	use crate::mock::reference;

	/// One step of the random sequence.
	#[derive(Debug, Clone)]
	enum Op {
		AllowDeath(u64, u64, u64),
		KeepAlive(u64, u64, u64),
		All(u64, u64, bool),
		Burn(u64, u64, bool),
		ForceSet(u64, u64),
		Hold(TestId, u64, u64),
		Release(TestId, u64, u64),
		Freeze(TestId, u64, u64),
		Thaw(TestId, u64),
		/// `fungible::Mutate::transfer` with `Protect` (as other pallets call it).
		Protected(u64, u64, u64),
		/// A fee: `Balanced::withdraw`, exact, keeping the account alive, polite.
		Fee(u64, u64),
		/// A refund: `Balanced::deposit`, best effort.
		Refund(u64, u64),
	}

	struct Rng(u64);
	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			self.0 >> 33
		}
		fn below(&mut self, n: u64) -> u64 {
			self.next() % n
		}
	}

	fn random_op(rng: &mut Rng) -> Op {
		let account = |rng: &mut Rng| 1 + rng.below(6);
		let ids = [TestId::Foo, TestId::Bar, TestId::Baz];
		let amount = |rng: &mut Rng| match rng.below(4) {
			0 => rng.below(10),
			1 => rng.below(200),
			2 => rng.below(1000),
			_ => u64::MAX - rng.below(3),
		};
		let (a, b) = loop {
			let (a, b) = (account(rng), account(rng));
			// Self-transfers are refused by pallet-token only (a deliberate difference).
			if a != b {
				break (a, b);
			}
		};
		match rng.below(12) {
			0 => Op::AllowDeath(a, b, amount(rng)),
			1 => Op::KeepAlive(a, b, amount(rng)),
			2 => Op::All(a, b, rng.below(2) == 0),
			3 => Op::Burn(a, amount(rng), rng.below(2) == 0),
			4 => Op::ForceSet(a, amount(rng) % 2000),
			5 => Op::Hold(ids[rng.below(3) as usize], a, amount(rng)),
			6 => Op::Release(ids[rng.below(3) as usize], a, amount(rng)),
			7 => Op::Freeze(ids[rng.below(3) as usize], a, amount(rng)),
			8 => Op::Thaw(ids[rng.below(3) as usize], a),
			9 => Op::Protected(a, b, amount(rng)),
			10 => Op::Fee(a, amount(rng)),
			// A refund never exceeds the fee it refunds (minting near the type's limit would
			// overflow the sum of balances, which `try_state` checks).
			_ => Op::Refund(a, amount(rng) % 1000),
		}
	}

	/// An outcome, with the pallet index of a module error left out (the two pallets have
	/// different indices; the error codes are the same).
	fn outcome<T>(result: Result<T, DispatchError>) -> Result<(), DispatchError> {
		result.map(|_| ()).map_err(|e| match e {
			DispatchError::Module(m) => {
				DispatchError::Module(sp_runtime::ModuleError { index: 0, message: None, ..m })
			},
			e => e,
		})
	}

	fn apply_token(op: &Op) -> Result<(), DispatchError> {
		use frame_support::traits::{
			fungible::{Balanced as Bal, Mutate as M, MutateFreeze as F, MutateHold as H},
			tokens::{Fortitude::Polite, Preservation},
		};
		let s = RuntimeOrigin::signed;
		match *op {
			Op::AllowDeath(a, b, v) => outcome(Token::transfer_allow_death(s(a), b, v)),
			Op::KeepAlive(a, b, v) => outcome(Token::transfer_keep_alive(s(a), b, v)),
			Op::All(a, b, k) => outcome(Token::transfer_all(s(a), b, k)),
			Op::Burn(a, v, k) => outcome(Token::burn(s(a), v, k)),
			Op::ForceSet(a, v) => outcome(Token::force_set_balance(RuntimeOrigin::root(), a, v)),
			Op::Hold(id, a, v) => outcome(<Token as H<_>>::hold(&id, &a, v)),
			Op::Release(id, a, v) => {
				outcome(<Token as H<_>>::release(&id, &a, v, Precision::BestEffort))
			},
			Op::Freeze(id, a, v) => outcome(<Token as F<_>>::set_freeze(&id, &a, v)),
			Op::Thaw(id, a) => outcome(<Token as F<_>>::thaw(&id, &a)),
			Op::Protected(a, b, v) => {
				outcome(<Token as M<_>>::transfer(&a, &b, v, Preservation::Protect))
			},
			Op::Fee(a, v) => outcome(<Token as Bal<_>>::withdraw(
				&a,
				v,
				Precision::Exact,
				Preservation::Preserve,
				Polite,
			)),
			Op::Refund(a, v) => outcome(<Token as Bal<_>>::deposit(&a, v, Precision::BestEffort)),
		}
	}

	fn apply_reference(op: &Op) -> Result<(), DispatchError> {
		use frame_support::traits::{
			fungible::{Balanced as Bal, Mutate as M, MutateFreeze as F, MutateHold as H},
			tokens::{Fortitude::Polite, Preservation},
		};
		use reference::{Balances as B, RuntimeOrigin as O};
		let s = O::signed;
		match *op {
			Op::AllowDeath(a, b, v) => outcome(B::transfer_allow_death(s(a), b, v)),
			Op::KeepAlive(a, b, v) => outcome(B::transfer_keep_alive(s(a), b, v)),
			Op::All(a, b, k) => outcome(B::transfer_all(s(a), b, k)),
			Op::Burn(a, v, k) => outcome(B::burn(s(a), v, k)),
			Op::ForceSet(a, v) => outcome(B::force_set_balance(O::root(), a, v)),
			Op::Hold(id, a, v) => outcome(<B as H<_>>::hold(&id, &a, v)),
			Op::Release(id, a, v) => {
				outcome(<B as H<_>>::release(&id, &a, v, Precision::BestEffort))
			},
			Op::Freeze(id, a, v) => outcome(<B as F<_>>::set_freeze(&id, &a, v)),
			Op::Thaw(id, a) => outcome(<B as F<_>>::thaw(&id, &a)),
			Op::Protected(a, b, v) => {
				outcome(<B as M<_>>::transfer(&a, &b, v, Preservation::Protect))
			},
			Op::Fee(a, v) => outcome(<B as Bal<_>>::withdraw(
				&a,
				v,
				Precision::Exact,
				Preservation::Preserve,
				Polite,
			)),
			Op::Refund(a, v) => outcome(<B as Bal<_>>::deposit(&a, v, Precision::BestEffort)),
		}
	}

	#[test]
	fn same_results_as_pallet_balances_works() {
		// (seed, existential deposit, where dust goes: burnt, or to account 2)
		for (seed, ed, dust) in [
			(1u64, 1u64, None),
			(2, 5, None),
			(3, 50, None),
			(4, 1, None),
			(5, 50, Some(2)),
			(6, 5, Some(3)),
		] {
			let genesis = vec![(1, 1000), (2, 500), (3, 100), (4, 60)];
			let mut ours =
				ExtBuilder::empty().existential_deposit(ed).balances(genesis.clone()).build();
			let mut theirs = reference::build(genesis, ed);
			let mut rng = Rng(seed);
			let mut successes = 0;
			for step in 0..2000 {
				let op = random_op(&mut rng);
				let block = 1 + step / 10;
				let ours_did = ours.execute_with(|| {
					System::set_block_number(block);
					DustTrapTarget::set(dust);
					apply_token(&op)
				});
				let theirs_did = theirs.execute_with(|| {
					reference::System::set_block_number(block);
					DustTrapTarget::set(dust);
					apply_reference(&op)
				});
				assert_eq!(ours_did, theirs_did, "seed {seed} step {step}: {op:?}");
				successes += ours_did.is_ok() as u32;
				for who in 1..=6u64 {
					let a = ours.execute_with(|| System::account(who));
					let b = theirs.execute_with(|| reference::System::account(who));
					assert_eq!(
						(a.data.free, a.data.reserved, a.data.frozen, a.providers, a.consumers),
						(b.data.free, b.data.reserved, b.data.frozen, b.providers, b.consumers),
						"seed {seed} step {step} account {who}: {op:?}"
					);
				}
				let ti_ours = ours.execute_with(Token::total_issuance);
				let ti_theirs = theirs.execute_with(reference::Balances::total_issuance);
				assert_eq!(ti_ours, ti_theirs, "seed {seed} step {step}: {op:?}");
			}
			assert!(successes > 200, "the sequence must exercise successful steps: {successes}");
			ours.execute_with(|| Token::do_try_state().expect("invariants hold"));
		}
	}
}
