//! Benchmarks of pallet-token (frame-benchmarking v2). The caller is `whitelisted_caller()`, as
//! in pallet-balances' benchmarks. Each benchmark takes our worst case on top of
//! pallet-balances': every account involved has a full list of snapshot values, all readable,
//! and the call is the first change after the latest snapshot (so a value is recorded); the
//! accounts delegate and are delegated to.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate as _;
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn ed<T: Config>() -> T::Balance {
	T::ExistentialDeposit::get()
}

/// Snapshot period of the benchmarks.
const PERIOD: u32 = 10;

/// Starts snapshots (period 10) and moves to the first block after the `MaxSnapshots`-th
/// snapshot, so that `MaxSnapshots` snapshots are readable and the latest has no values yet.
fn start_snapshots<T: Config>() {
	Snapshots::<T>::mutate(|s| {
		s.first = Zero::zero();
		s.period = PERIOD.into();
	});
	let max = T::MaxSnapshots::get();
	frame_system::Pallet::<T>::set_block_number((PERIOD * (max - 1) + 1).into());
}

/// Fills the snapshot values of `who` with every readable snapshot but the latest, so that the
/// next change appends one and the list is full.
fn fill_snapshots<T: Config>(who: &T::AccountId) {
	let now = frame_system::Pallet::<T>::block_number();
	let schedule = Pallet::<T>::schedule();
	let latest = schedule.latest(now).expect("snapshots started");
	let mut account = Pallet::<T>::account(who);
	let mut snapshot = schedule.oldest_readable(now).expect("snapshots started");
	account.snapshots.clear();
	while snapshot < latest {
		let value = account.power().saturating_add(snapshot.saturated_into::<u32>().into());
		assert!(account.snapshots.try_push(SnapshotValue { snapshot, value }).is_ok());
		snapshot = snapshot.saturating_add(PERIOD.into());
	}
	assert!(T::AccountStore::insert(who, account).is_ok());
}

/// A funded account with full snapshot values, delegating to a delegate and delegated to.
fn heavy_account<T: Config>(who: &T::AccountId, index: u32) {
	let delegate: T::AccountId = account("delegate", index, SEED);
	let delegator: T::AccountId = account("delegator", index, SEED);
	let amount = ed::<T>().saturating_mul(1_000_000u32.into());
	Pallet::<T>::set_balance(who, amount);
	Pallet::<T>::set_balance(&delegator, amount);
	assert!(Pallet::<T>::do_delegate(who, &delegate, ed::<T>()).is_ok());
	assert!(Pallet::<T>::do_delegate(&delegator, who, ed::<T>()).is_ok());
	fill_snapshots::<T>(who);
	fill_snapshots::<T>(&delegate);
}

/// The token's worst case for a fee payer, for the benchmarks of other pallets (see
/// [`Pallet::benchmark_worst_case_payer`]).
pub(crate) fn worst_case_payer<T: Config>(who: &T::AccountId) {
	start_snapshots::<T>();
	heavy_account::<T>(who, u32::MAX);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// As in pallet-balances: the transfer kills the sender and creates the recipient. The
	/// sender has full snapshot values, so its record stays for them (written, not removed).
	#[benchmark]
	fn transfer_allow_death() {
		start_snapshots::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let balance = ed::<T>().saturating_mul(1_000u32.into());
		Pallet::<T>::set_balance(&caller, balance);
		fill_snapshots::<T>(&caller);
		let dest: T::AccountId = account("dest", 0, SEED);
		let value = balance.saturating_sub(ed::<T>()).saturating_add(1u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), T::Lookup::unlookup(dest.clone()), value);
		assert_eq!(Pallet::<T>::free_balance(&dest), value);
		assert!(Pallet::<T>::kept_for_snapshots(&Pallet::<T>::account(&caller)));
	}

	/// As `transfer_allow_death`, from a source chosen by root.
	#[benchmark]
	fn force_transfer() {
		start_snapshots::<T>();
		let source: T::AccountId = account("source", 0, SEED);
		let balance = ed::<T>().saturating_mul(1_000u32.into());
		Pallet::<T>::set_balance(&source, balance);
		fill_snapshots::<T>(&source);
		let dest: T::AccountId = account("dest", 0, SEED);
		let value = balance.saturating_sub(ed::<T>()).saturating_add(1u32.into());
		#[extrinsic_call]
		_(RawOrigin::Root, T::Lookup::unlookup(source), T::Lookup::unlookup(dest.clone()), value);
		assert_eq!(Pallet::<T>::free_balance(&dest), value);
	}

	/// Both sides exist and stay, with full snapshot values, and both record a value.
	#[benchmark]
	fn transfer_keep_alive() {
		start_snapshots::<T>();
		let caller: T::AccountId = whitelisted_caller();
		heavy_account::<T>(&caller, 0);
		let dest: T::AccountId = account("dest", 1, SEED);
		heavy_account::<T>(&dest, 1);
		let value = ed::<T>().saturating_mul(10u32.into());
		let before = Pallet::<T>::free_balance(&dest);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(dest.clone()), value);
		assert_eq!(Pallet::<T>::free_balance(&dest), before.saturating_add(value));
		assert_eq!(Pallet::<T>::account(&dest).snapshots.len() as u32, T::MaxSnapshots::get());
	}

	/// The caller is reaped (as in `transfer_allow_death`).
	#[benchmark]
	fn transfer_all() {
		start_snapshots::<T>();
		let caller: T::AccountId = whitelisted_caller();
		Pallet::<T>::set_balance(&caller, ed::<T>().saturating_mul(1_000u32.into()));
		fill_snapshots::<T>(&caller);
		let dest: T::AccountId = account("dest", 1, SEED);
		heavy_account::<T>(&dest, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), T::Lookup::unlookup(dest), false);
		assert!(Pallet::<T>::free_balance(&caller).is_zero());
	}

	/// Nothing is reserved outside holds; the holds are read.
	#[benchmark]
	fn force_unreserve() {
		let who: T::AccountId = account("who", 0, SEED);
		Pallet::<T>::set_balance(&who, ed::<T>().saturating_mul(100u32.into()));
		let before = Pallet::<T>::account(&who);
		#[extrinsic_call]
		_(RawOrigin::Root, T::Lookup::unlookup(who.clone()), ed::<T>());
		assert_eq!(Pallet::<T>::account(&who), before);
	}

	/// `u` accounts are read.
	#[benchmark]
	fn upgrade_accounts(u: Linear<1, 1_000>) {
		let caller: T::AccountId = whitelisted_caller();
		let who: Vec<T::AccountId> = (0..u).map(|i| account("old", i, SEED)).collect();
		for account in &who {
			Pallet::<T>::set_balance(account, ed::<T>().saturating_mul(10u32.into()));
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who);
	}

	/// The account has full snapshot values and is killed (the larger of creating and killing).
	#[benchmark]
	fn force_set_balance() {
		start_snapshots::<T>();
		let who: T::AccountId = account("who", 0, SEED);
		Pallet::<T>::set_balance(&who, ed::<T>().saturating_mul(100u32.into()));
		fill_snapshots::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Root, T::Lookup::unlookup(who.clone()), Zero::zero());
		assert!(Pallet::<T>::free_balance(&who).is_zero());
	}

	/// The supply records a value at the latest snapshot, its list full.
	#[benchmark]
	fn force_adjust_total_issuance() {
		start_snapshots::<T>();
		let now = frame_system::Pallet::<T>::block_number();
		let schedule = Pallet::<T>::schedule();
		Snapshots::<T>::mutate(|state| {
			let latest = schedule.latest(now).expect("snapshots started");
			let mut snapshot = schedule.oldest_readable(now).expect("snapshots started");
			while snapshot < latest {
				let _ = state.supply.try_push(SnapshotValue { snapshot, value: 1u32.into() });
				snapshot = snapshot.saturating_add(PERIOD.into());
			}
		});
		let before = Pallet::<T>::total_issuance();
		let delta: T::Balance = 10u32.into();
		#[extrinsic_call]
		_(RawOrigin::Root, AdjustmentDirection::Increase, delta);
		assert_eq!(Pallet::<T>::total_issuance(), before.saturating_add(delta));
		assert_eq!(Snapshots::<T>::get().supply.len() as u32, T::MaxSnapshots::get());
	}

	/// The caller records a value, the supply too.
	#[benchmark]
	fn burn() {
		start_snapshots::<T>();
		let who: T::AccountId = whitelisted_caller();
		heavy_account::<T>(&who, 0);
		let before = Pallet::<T>::free_balance(&who);
		let value = ed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), value, true);
		assert_eq!(Pallet::<T>::free_balance(&who), before.saturating_sub(value));
	}

	/// The caller replaces a delegation (so the old delegate is updated too) with one to an
	/// account that does not exist yet; all have full snapshot values.
	#[benchmark]
	fn delegate() {
		start_snapshots::<T>();
		let who: T::AccountId = whitelisted_caller();
		heavy_account::<T>(&who, 0);
		let to: T::AccountId = account("to", 0, SEED);
		let amount = ed::<T>().saturating_mul(100u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::Lookup::unlookup(to.clone()), amount);
		assert_eq!(Pallet::<T>::delegation_of(&who), Some(Delegation { to, amount }));
	}

	/// The delegate has nothing else and is reaped; both have full snapshot values.
	#[benchmark]
	fn undelegate() {
		start_snapshots::<T>();
		let who: T::AccountId = whitelisted_caller();
		heavy_account::<T>(&who, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Pallet::<T>::delegation_of(&who), None);
	}

	/// A record kept for a full list of values, none readable any more.
	#[benchmark]
	fn clear_reaped_power() {
		start_snapshots::<T>();
		let who: T::AccountId = account("who", 0, SEED);
		Pallet::<T>::set_balance(&who, ed::<T>().saturating_mul(100u32.into()));
		fill_snapshots::<T>(&who);
		Pallet::<T>::do_force_set_balance(&who, Zero::zero()).expect("root may");
		assert!(Pallet::<T>::kept_for_snapshots(&Pallet::<T>::account(&who)));
		let later = PERIOD * (2 * T::MaxSnapshots::get() + 1);
		frame_system::Pallet::<T>::set_block_number(later.into());
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(who.clone()));
		assert!(!frame_system::Pallet::<T>::account_exists(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::empty().build(), crate::mock::Test);
}
