//! Tests of pallet-token: calls, events and errors, voting-power history and delegation,
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
		assert_eq!(Balances::voting_power_at(&4, 1), 400);
		assert_eq!(Balances::total_supply_at(1), 1000);
	});
}

#[test]
fn transfer_allow_death_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 60));
		assert_eq!(Balances::free_balance(&1), 40);
		assert_eq!(Balances::free_balance(&2), 260);
		System::assert_last_event(Event::Transfer { from: 1, to: 2, amount: 60 }.into());
		// The whole balance: the account is reaped.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 5, 40));
		assert!(!System::account_exists(&1));
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
		assert!(!System::account_exists(&3));
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
		assert!(!System::account_exists(&1));
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
		assert_eq!(Balances::total_supply_at(1), 970);
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

// ---------------------------------------------------------------- voting-power history

#[test]
fn snapshot_across_blocks_works() {
	ExtBuilder::empty().build_and_execute(|| {
		run_to_block(10);
		set_balance(1, 100);
		set_balance(2, 1);
		run_to_block(11);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert_eq!(Balances::voting_power_at(&1, 10), 100);
		assert_eq!(Balances::voting_power_at(&2, 10), 1);
		assert_eq!(Balances::voting_power_at(&1, 11), 0);
		assert_eq!(Balances::voting_power_at(&2, 11), 101);
		assert_eq!(Balances::voting_power_at(&1, 9), 0);
		assert_eq!(Balances::total_supply_at(10), 101);
		assert_eq!(Balances::total_supply_at(9), 0);
	});
}

#[test]
fn snapshot_inside_one_block_works() {
	ExtBuilder::empty().build_and_execute(|| {
		run_to_block(10);
		set_balance(1, 100);
		set_balance(2, 1);
		run_to_block(11);
		// Several moves in block 11: reads at block 10 never change, and block 11 holds one
		// checkpoint with the final value.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 50));
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 3, 20));
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(1), 2, 50));
		assert_eq!(Balances::voting_power_at(&1, 10), 100);
		assert_eq!(Balances::voting_power_at(&2, 10), 1);
		assert_eq!(Balances::voting_power_at(&3, 10), 0);
		assert_eq!(Balances::voting_power_at(&2, 11), 81);
		assert_eq!(CheckpointsOf::<Test>::get(2).iter().filter(|c| c.block == 11).count(), 1);
	});
}

#[test]
fn snapshot_through_utility_batch_works() {
	ExtBuilder::empty().build_and_execute(|| {
		run_to_block(10);
		set_balance(1, 100);
		run_to_block(11);
		let calls = vec![
			RuntimeCall::Token(Call::transfer_allow_death { dest: 2, value: 40 }),
			RuntimeCall::Token(Call::transfer_allow_death { dest: 3, value: 60 }),
		];
		assert_ok!(Utility::batch_all(RuntimeOrigin::signed(1), calls));
		assert_eq!(Balances::voting_power_at(&1, 10), 100);
		assert_eq!(Balances::voting_power_at(&2, 10), 0);
		assert_eq!(Balances::voting_power_at(&3, 10), 0);
		assert_eq!(Balances::voting_power_at(&1, 11), 0);
		assert_eq!(Balances::voting_power_at(&3, 11), 60);
	});
}

#[test]
fn held_funds_count_as_voting_power_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(2);
		assert_ok!(<Balances as MutateHold<_>>::hold(&TestId::Foo, &1, 60));
		assert_ok!(<Balances as MutateFreeze<_>>::set_freeze(&TestId::Bar, &1, 90));
		assert_eq!(Balances::current_voting_power(&1), 100);
		assert_eq!(Balances::voting_power_at(&1, 2), 100);
		// Burning held funds reduces it.
		assert_ok!(<Balances as MutateHold<_>>::burn_held(
			&TestId::Foo,
			&1,
			10,
			Precision::Exact,
			Fortitude::Force
		));
		assert_eq!(Balances::voting_power_at(&1, 2), 90);
		assert_eq!(Balances::voting_power_at(&1, 1), 100);
	});
}

#[test]
fn history_is_pruned_to_horizon_works() {
	ExtBuilder::default().build_and_execute(|| {
		for b in 2..=20u64 {
			run_to_block(b);
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 3, 1));
			Horizon::set(b.saturating_sub(3));
		}
		let history = CheckpointsOf::<Test>::get(2);
		assert!(history.len() <= 8);
		// Exact from the horizon on.
		let horizon = Horizon::get();
		for b in horizon..=20 {
			assert_eq!(Balances::voting_power_at(&2, b), 200 - (b - 1), "block {b}");
		}
		assert!(!events().iter().any(|e| matches!(e, Event::HistoryCoarsened { .. })));
	});
}

#[test]
fn full_history_is_coarsened_never_overcounting_works() {
	ExtBuilder::default().build_and_execute(|| {
		// Horizon stays at 0: nothing can be pruned, the 8-entry list must coarsen.
		for b in 2..=12u64 {
			run_to_block(b);
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 2, 1));
		}
		assert!(events().contains(&Event::HistoryCoarsened { who: 2 }));
		for b in 1..=12u64 {
			assert!(Balances::voting_power_at(&2, b) <= 200 + (b - 1), "block {b}");
		}
		assert_eq!(Balances::voting_power_at(&2, 12), 211);
	});
}

#[test]
fn prune_history_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(2);
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 2, false));
		assert!(CheckpointsOf::<Test>::contains_key(1));
		run_to_block(5);
		Horizon::set(4);
		assert_ok!(Balances::prune_history(RuntimeOrigin::signed(9), 1));
		System::assert_last_event(Event::HistoryPruned { who: 1, pruned: 2 }.into());
		assert!(!CheckpointsOf::<Test>::contains_key(1));
	});
}

#[test]
fn prune_history_with_nothing_to_prune_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::prune_history(RuntimeOrigin::signed(9), 1),
			Error::<Test>::NothingToPrune
		);
	});
}

#[test]
fn supply_history_ring_works() {
	ExtBuilder::default().build_and_execute(|| {
		for b in 2..=40u64 {
			run_to_block(b);
			assert_ok!(Balances::burn(RuntimeOrigin::signed(4), 1, true));
			Horizon::set(b.saturating_sub(5));
		}
		assert!(SupplyHistory::<Test>::get().len <= 16);
		for b in 35..=40u64 {
			assert_eq!(Balances::total_supply_at(b), 1000 - (b - 1), "block {b}");
		}
	});
}

// ---------------------------------------------------------------- delegation

#[test]
fn delegate_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2));
		System::assert_last_event(Event::Delegated { who: 1, to: 2 }.into());
		assert_eq!(Balances::current_voting_power(&1), 0);
		assert_eq!(Balances::current_voting_power(&2), 300);
		assert_eq!(Balances::voting_power_at(&2, 4), 200);
		assert_eq!(Balances::voting_power_at(&2, 5), 300);
		assert_eq!(Balances::delegate_of(&1), Some(2));
		// Later balance changes of the delegator move the delegate's power.
		run_to_block(6);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 1, 50));
		assert_eq!(Balances::voting_power_at(&2, 6), 350);
		assert_eq!(Balances::voting_power_at(&1, 6), 0);
		assert_eq!(Balances::voting_power_at(&3, 6), 250);
	});
}

#[test]
fn undelegate_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2));
		run_to_block(3);
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
		System::assert_last_event(Event::Undelegated { who: 1, from: 2 }.into());
		assert_eq!(Balances::current_voting_power(&1), 100);
		assert_eq!(Balances::current_voting_power(&2), 200);
		assert_eq!(Balances::voting_power_at(&2, 2), 300);
		assert!(!DelegatedTo::<Test>::contains_key(2));
	});
}

#[test]
fn bad_delegations_fail() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 1),
			Error::<Test>::SelfDelegation
		);
		assert_noop!(Balances::undelegate(RuntimeOrigin::signed(1)), Error::<Test>::NotDelegating);
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2));
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(1), 3),
			Error::<Test>::AlreadyDelegating
		);
		// 3 -> 1 would make a chain 3 -> 1 -> 2.
		assert_noop!(
			Balances::delegate(RuntimeOrigin::signed(3), 1),
			Error::<Test>::TargetIsDelegating
		);
		// 2 -> 3 would make a chain 1 -> 2 -> 3.
		assert_noop!(Balances::delegate(RuntimeOrigin::signed(2), 3), Error::<Test>::HasDelegators);
	});
}

#[test]
fn reaped_delegator_leaves_consistent_state_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::delegate(RuntimeOrigin::signed(1), 2));
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(1), 3, false));
		assert_eq!(Balances::current_voting_power(&2), 200);
		assert_eq!(DelegatedTo::<Test>::get(2), (0, 1));
		assert_ok!(Balances::undelegate(RuntimeOrigin::signed(1)));
	});
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
		match rng.below(9) {
			0 => Op::AllowDeath(a, b, amount(rng)),
			1 => Op::KeepAlive(a, b, amount(rng)),
			2 => Op::All(a, b, rng.below(2) == 0),
			3 => Op::Burn(a, amount(rng), rng.below(2) == 0),
			4 => Op::ForceSet(a, amount(rng) % 2000),
			5 => Op::Hold(ids[rng.below(3) as usize], a, amount(rng)),
			6 => Op::Release(ids[rng.below(3) as usize], a, amount(rng)),
			7 => Op::Freeze(ids[rng.below(3) as usize], a, amount(rng)),
			_ => Op::Thaw(ids[rng.below(3) as usize], a),
		}
	}

	fn apply_token(op: &Op) -> bool {
		use frame_support::traits::fungible::{MutateFreeze as F, MutateHold as H};
		let s = RuntimeOrigin::signed;
		match *op {
			Op::AllowDeath(a, b, v) => Token::transfer_allow_death(s(a), b, v).is_ok(),
			Op::KeepAlive(a, b, v) => Token::transfer_keep_alive(s(a), b, v).is_ok(),
			Op::All(a, b, k) => Token::transfer_all(s(a), b, k).is_ok(),
			Op::Burn(a, v, k) => Token::burn(s(a), v, k).is_ok(),
			Op::ForceSet(a, v) => Token::force_set_balance(RuntimeOrigin::root(), a, v).is_ok(),
			Op::Hold(id, a, v) => <Token as H<_>>::hold(&id, &a, v).is_ok(),
			Op::Release(id, a, v) => {
				<Token as H<_>>::release(&id, &a, v, Precision::BestEffort).is_ok()
			},
			Op::Freeze(id, a, v) => <Token as F<_>>::set_freeze(&id, &a, v).is_ok(),
			Op::Thaw(id, a) => <Token as F<_>>::thaw(&id, &a).is_ok(),
		}
	}

	fn apply_reference(op: &Op) -> bool {
		use frame_support::traits::fungible::{MutateFreeze as F, MutateHold as H};
		use reference::{Balances as B, RuntimeOrigin as O};
		let s = O::signed;
		match *op {
			Op::AllowDeath(a, b, v) => B::transfer_allow_death(s(a), b, v).is_ok(),
			Op::KeepAlive(a, b, v) => B::transfer_keep_alive(s(a), b, v).is_ok(),
			Op::All(a, b, k) => B::transfer_all(s(a), b, k).is_ok(),
			Op::Burn(a, v, k) => B::burn(s(a), v, k).is_ok(),
			Op::ForceSet(a, v) => B::force_set_balance(O::root(), a, v).is_ok(),
			Op::Hold(id, a, v) => <B as H<_>>::hold(&id, &a, v).is_ok(),
			Op::Release(id, a, v) => {
				<B as H<_>>::release(&id, &a, v, Precision::BestEffort).is_ok()
			},
			Op::Freeze(id, a, v) => <B as F<_>>::set_freeze(&id, &a, v).is_ok(),
			Op::Thaw(id, a) => <B as F<_>>::thaw(&id, &a).is_ok(),
		}
	}

	#[test]
	fn same_results_as_pallet_balances_works() {
		for (seed, ed) in [(1u64, 1u64), (2, 5), (3, 50), (4, 1)] {
			let genesis = vec![(1, 1000), (2, 500), (3, 100), (4, 60)];
			let mut ours =
				ExtBuilder::empty().existential_deposit(ed).balances(genesis.clone()).build();
			let mut theirs = reference::build(genesis, ed);
			let mut rng = Rng(seed);
			let mut successes = 0;
			for step in 0..2000 {
				let op = random_op(&mut rng);
				let block = 1 + step / 10;
				let ok_ours = ours.execute_with(|| {
					System::set_block_number(block);
					apply_token(&op)
				});
				let ok_theirs = theirs.execute_with(|| {
					reference::System::set_block_number(block);
					apply_reference(&op)
				});
				assert_eq!(ok_ours, ok_theirs, "seed {seed} step {step}: {op:?}");
				successes += ok_ours as u32;
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
