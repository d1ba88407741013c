//! Benchmarks of pallet-upgrades (frame-benchmarking v2).

use super::*;
use crate::Pallet as Upgrades;
use frame_benchmarking::v2::*;
use frame_support::traits::StorePreimage;
use frame_system::RawOrigin;

/// Notes distinct code for `i` and returns its hash.
fn noted<T: Config>(i: u32) -> T::Hash
where
	T::Preimages: StorePreimage,
{
	let mut code = b"benchmark code ".to_vec();
	code.extend(i.to_le_bytes());
	<T::Preimages as StorePreimage>::note(code.into()).expect("small preimage")
}

/// Schedules `code_hash` at `at` with the least readiness requirement, waiting until
/// `deadline`.
fn schedule<T: Config>(
	code_hash: T::Hash,
	at: BlockNumberFor<T>,
	spec_version: u32,
	deadline: BlockNumberFor<T>,
) {
	let origin = T::UpgradeOrigin::try_successful_origin().expect("benchmarks need an origin");
	Upgrades::<T>::schedule_upgrade(
		origin,
		code_hash,
		at,
		spec_version,
		Perbill::zero(),
		true,
		deadline,
	)
	.expect("room for the upgrade");
}

/// Fills `PendingUpgrades` with `p` upgrades, after the block `first` (so `first` stays free).
fn fill<T: Config>(p: u32, first: BlockNumberFor<T>)
where
	T::Preimages: StorePreimage,
{
	for i in 0..p {
		let at = first.saturating_add((i + 1).into());
		schedule::<T>(noted::<T>(i), at, 1, at);
	}
}

/// Block 1 (the harness sets it only after the setup) and the first block an upgrade may use.
fn start<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	MinActivationDelay::<T>::get().saturating_add(2u32.into())
}

/// `n` authorities with keys in the keystore, made the current set, each having signalled
/// `can_run` for `code_hash` at block 1 when `can_run` is given.
fn authorities<T: Config>(
	n: u32,
	code_hash: T::Hash,
	can_run: Option<bool>,
) -> Vec<T::AuthorityId> {
	let keys: Vec<_> = (0..n).map(|_| T::AuthorityId::generate_pair(None)).collect();
	T::BenchmarkHelper::set_authorities(keys.clone());
	if let Some(can_run) = can_run {
		for key in &keys {
			ReadinessOf::<T>::insert(code_hash, key, Signal { can_run, at: 1u32.into() });
		}
	}
	keys
}

#[benchmarks(where T::Preimages: StorePreimage)]
mod benchmarks {
	use super::*;

	/// Scheduling ahead of `p` pending upgrades (the costliest insertion position).
	#[benchmark]
	fn schedule_upgrade(p: Linear<0, { T::MaxPending::get() - 1 }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(p, first);
		let hash = noted::<T>(u32::MAX);
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			hash,
			first,
			2,
			Perbill::one(),
			false,
			first.saturating_add(10u32.into()),
		);

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p + 1);
		Ok(())
	}

	/// Cancelling the first of `p` pending upgrades, for which `MaxAuthorities` authorities
	/// signalled.
	#[benchmark]
	fn cancel_upgrade(p: Linear<1, { T::MaxPending::get() }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(p, first);
		let at = first.saturating_add(1u32.into());
		let hash = PendingUpgrades::<T>::get()[0].code_hash;
		authorities::<T>(T::MaxAuthorities::get(), hash, Some(true));
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, at);

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p - 1);
		assert_eq!(ReadinessOf::<T>::iter_prefix(hash).count(), 0);
		Ok(())
	}

	/// A readiness signal of the last of `MaxAuthorities` authorities, changing its earlier
	/// signal, for the last of `MaxPending` pending upgrades.
	#[benchmark]
	fn signal_readiness() -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(T::MaxPending::get(), first);
		let hash = PendingUpgrades::<T>::get()
			.last()
			.map(|u| u.code_hash)
			.ok_or(BenchmarkError::Weightless)?;
		let keys = authorities::<T>(T::MaxAuthorities::get(), hash, Some(false));
		let authority = keys.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let now = BlockNumberFor::<T>::from(1u32.saturating_add(T::SignalCooldown::get()));
		frame_system::Pallet::<T>::set_block_number(now);
		let signal = ReadinessSignal {
			authority: authority.clone(),
			code_hash: hash,
			can_run: true,
			at: now,
		};
		let signature = authority
			.sign(&Upgrades::<T>::signal_payload(&signal))
			.ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::None, signal, signature);

		assert_eq!(
			ReadinessOf::<T>::get(hash, &authority),
			Some(Signal { can_run: true, at: now })
		);
		Ok(())
	}

	#[benchmark]
	fn set_min_activation_delay() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 100u32.into());

		assert_eq!(MinActivationDelay::<T>::get(), 100u32.into());
		Ok(())
	}

	/// A block with `MaxPending` upgrades pending and none due.
	#[benchmark]
	fn on_initialize_idle() -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(T::MaxPending::get(), first);

		#[block]
		{
			Upgrades::<T>::do_process(1u32.into());
		}

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, T::MaxPending::get());
		Ok(())
	}

	/// Counting the readiness of `a` authorities, all of which signalled.
	#[benchmark]
	fn check_readiness(a: Linear<1, { T::MaxAuthorities::get() }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(1, first);
		let upgrade =
			PendingUpgrades::<T>::get().first().cloned().ok_or(BenchmarkError::Weightless)?;
		authorities::<T>(a, upgrade.code_hash, Some(true));
		let ready;

		#[block]
		{
			let current = T::Authorities::get();
			ready = Upgrades::<T>::readiness(&current, &upgrade).1;
		}

		assert!(ready);
		Ok(())
	}

	/// An upgrade failing at its deadline, not ready: `a` authorities signalled that they
	/// cannot run its code (their signals are read, then cleared).
	#[benchmark]
	fn expire(a: Linear<1, { T::MaxAuthorities::get() }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(1, first);
		let upgrade =
			PendingUpgrades::<T>::get().first().cloned().ok_or(BenchmarkError::Weightless)?;
		authorities::<T>(a, upgrade.code_hash, Some(false));
		let now = upgrade.readiness_deadline;
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Upgrades::<T>::do_process(now);
		}

		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::UpgradeFailed {
				code_hash: upgrade.code_hash,
				reason: FailureReason::ReadinessNotReached,
			}
			.into(),
		);
		assert_eq!(ReadinessOf::<T>::iter_prefix(upgrade.code_hash).count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Upgrades, crate::mock::new_test_ext(), crate::mock::Test);
}
