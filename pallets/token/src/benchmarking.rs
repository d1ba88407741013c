//! Benchmarks of pallet-token (frame-benchmarking v2). Each transfer benchmark takes the worst
//! case: both sides have a full voting-power history that cannot be pruned and delegate, so
//! that a delegate's history is updated too.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate as _;
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn ed<T: Config>() -> T::Balance {
	T::ExistentialDeposit::get()
}

/// A funded account with a full, unprunable history, delegating to a delegate whose history is
/// full too.
fn heavy_account<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let delegate: T::AccountId = account("delegate", index, SEED);
	let amount = ed::<T>().saturating_mul(1_000_000u32.into());
	Pallet::<T>::set_balance(&who, amount);
	Pallet::<T>::set_balance(&delegate, amount);
	fill_history::<T>(&who);
	fill_history::<T>(&delegate);
	assert!(Pallet::<T>::do_delegate(&who, &delegate).is_ok());
	who
}

/// Fills the history of `who` with checkpoints in distinct past blocks.
fn fill_history<T: Config>(who: &T::AccountId) {
	let max = T::MaxCheckpoints::get();
	let mut history = BoundedVec::<_, T::MaxCheckpoints>::default();
	for i in 0..max {
		let _ = history.try_push(Checkpoint {
			block: (i + 1).into(),
			value: Pallet::<T>::current_voting_power(who).saturating_add(i.into()),
		});
	}
	if let Some(last) = history.last_mut() {
		last.value = Pallet::<T>::current_voting_power(who);
	}
	CheckpointsOf::<T>::insert(who, history);
	frame_system::Pallet::<T>::set_block_number((max + 10).into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn transfer_allow_death() {
		let caller = heavy_account::<T>("caller", 0);
		let dest: T::AccountId = account("dest", 0, SEED);
		let value = ed::<T>().saturating_mul(10u32.into());
		let dest_lookup = T::Lookup::unlookup(dest.clone());
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dest_lookup, value);
		assert_eq!(Pallet::<T>::free_balance(&dest), value);
	}

	#[benchmark]
	fn force_transfer() {
		let source = heavy_account::<T>("source", 0);
		let dest = heavy_account::<T>("dest", 1);
		let value = ed::<T>().saturating_mul(10u32.into());
		let before = Pallet::<T>::free_balance(&dest);
		#[extrinsic_call]
		_(RawOrigin::Root, T::Lookup::unlookup(source), T::Lookup::unlookup(dest.clone()), value);
		assert_eq!(Pallet::<T>::free_balance(&dest), before.saturating_add(value));
	}

	#[benchmark]
	fn transfer_keep_alive() {
		let caller = heavy_account::<T>("caller", 0);
		let dest = heavy_account::<T>("dest", 1);
		let value = ed::<T>().saturating_mul(10u32.into());
		let before = Pallet::<T>::free_balance(&dest);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(dest.clone()), value);
		assert_eq!(Pallet::<T>::free_balance(&dest), before.saturating_add(value));
	}

	#[benchmark]
	fn transfer_all() {
		let caller = heavy_account::<T>("caller", 0);
		let dest = heavy_account::<T>("dest", 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), T::Lookup::unlookup(dest), false);
		assert!(Pallet::<T>::free_balance(&caller).is_zero());
	}

	#[benchmark]
	fn force_set_balance() {
		let who = heavy_account::<T>("who", 0);
		let new_free = ed::<T>().saturating_mul(7u32.into());
		#[extrinsic_call]
		_(RawOrigin::Root, T::Lookup::unlookup(who.clone()), new_free);
		assert_eq!(Pallet::<T>::free_balance(&who), new_free);
	}

	#[benchmark]
	fn force_adjust_total_issuance() {
		let before = Pallet::<T>::total_issuance();
		let delta: T::Balance = 10u32.into();
		#[extrinsic_call]
		_(RawOrigin::Root, AdjustmentDirection::Increase, delta);
		assert_eq!(Pallet::<T>::total_issuance(), before.saturating_add(delta));
	}

	#[benchmark]
	fn burn() {
		let who = heavy_account::<T>("who", 0);
		let before = Pallet::<T>::free_balance(&who);
		let value = ed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), value, true);
		assert_eq!(Pallet::<T>::free_balance(&who), before.saturating_sub(value));
	}

	#[benchmark]
	fn delegate() {
		let who: T::AccountId = account("who", 0, SEED);
		let to: T::AccountId = account("to", 0, SEED);
		Pallet::<T>::set_balance(&who, ed::<T>().saturating_mul(100u32.into()));
		fill_history::<T>(&who);
		fill_history::<T>(&to);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::Lookup::unlookup(to.clone()));
		assert_eq!(Pallet::<T>::delegate_of(&who), Some(to));
	}

	#[benchmark]
	fn undelegate() {
		let who = heavy_account::<T>("who", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Pallet::<T>::delegate_of(&who), None);
	}

	#[benchmark]
	fn prune_history() {
		let who: T::AccountId = account("who", 0, SEED);
		fill_history::<T>(&who);
		let caller: T::AccountId = whitelisted_caller();
		#[block]
		{
			// The horizon is the runtime's; prune whatever it allows.
			let _ = Pallet::<T>::do_prune_history(&who);
		}
		let _ = caller;
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::empty().build(), crate::mock::Test);
}
